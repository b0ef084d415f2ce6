package io.chartlens.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds the launch a request belongs to (its {@code ctx} parameter) and keeps its access token fresh: a token that
 * expires within {@link #REFRESH_AHEAD} is refreshed first (SMART App Launch 2.x §2.0.10), because some EHRs issue
 * tokens that live only minutes.
 */
@ApplicationScoped
public class CurrentLaunch {

    static final Duration REFRESH_AHEAD = Duration.ofSeconds(60);

    @Inject
    EhrRegistry registry;
    @Inject
    TokenExchange tokens;

    /** The launch named by {@code ctx}, refreshed if needed; SESSION_EXPIRED when there is none. */
    public LaunchSession require(HttpServletRequest request) throws LaunchException {
        HttpSession session = request.getSession(false);
        LaunchSessions launches = LaunchSessions.ifPresent(session).orElseThrow(() ->
                new LaunchException(LaunchFailure.SESSION_EXPIRED, "no session"));
        LaunchSession launch = launches.launch(request.getParameter("ctx")).orElseThrow(() ->
                new LaunchException(LaunchFailure.SESSION_EXPIRED, "no launch with that ctx in this session"));
        if (launch.expiresAt().isAfter(Instant.now().plus(REFRESH_AHEAD))) {
            return launch;
        }
        EhrRegistration registration = registry.byId(launch.registrationId()).orElseThrow(() ->
                new LaunchException(LaunchFailure.SESSION_EXPIRED, "EHR registration no longer exists"));
        TokenExchange.TokenResult refreshed = tokens.refresh(registration, launch);
        LaunchSession renewed = launch.withTokens(refreshed.accessToken(), refreshed.refreshToken(),
                refreshed.expiresAt(), refreshed.scope());
        launches.replace(session, renewed);
        return renewed;
    }

    /** The most recent launch of this browser session, for links that lack {@code ctx}. */
    public Optional<LaunchSession> latest(HttpServletRequest request) {
        return LaunchSessions.ifPresent(request.getSession(false)).flatMap(LaunchSessions::latest);
    }

    /** The registration of a launch. */
    public Optional<EhrRegistration> registration(LaunchSession launch) {
        return registry.byId(launch.registrationId());
    }
}
