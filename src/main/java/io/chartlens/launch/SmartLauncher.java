package io.chartlens.launch;

import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import io.chartlens.system.AppSettings;
import io.chartlens.system.telemetry.Telemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The SMART App Launch 2.x authorization-code flow of a confidential client: it starts EHR and standalone launches
 * (§2.0.4, with PKCE S256, a 256-bit single-use {@code state}, a nonce and {@code aud}) and completes them at the
 * callback (§2.0.5–2.0.8): state check, token exchange, id_token validation, launch context, session rotation.
 * Both halves are traced ({@link LaunchSpans}).
 */
@ApplicationScoped
public class SmartLauncher {

    static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);
    /** Request attribute: how long the token exchange took, for the Server-Timing header. */
    public static final String TOKEN_EXCHANGE_MS = "chartlens.tokenExchangeMs";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EhrRegistry registry;
    @Inject
    SmartDiscovery discovery;
    @Inject
    TokenExchange tokens;
    @Inject
    IdTokenVerifier idTokens;
    @Inject
    AppSettings settings;
    @Inject
    Telemetry telemetry;

    /** EHR launch: {@code iss} must be registered before anything is sent anywhere. */
    public URI beginEhrLaunch(HttpServletRequest request, String iss, String launch) throws LaunchException {
        return LaunchSpans.begin(Telemetry.tracer(telemetry), LaunchType.EHR, () -> ehrLaunch(request, iss, launch));
    }

    private URI ehrLaunch(HttpServletRequest request, String iss, String launch) throws LaunchException {
        if (iss == null || iss.isBlank()) {
            throw new LaunchException(LaunchFailure.MISSING_ISS, "no iss parameter");
        }
        EhrRegistration registration = registry.byIss(iss).orElseThrow(() ->
                new LaunchException(LaunchFailure.UNKNOWN_ISS, "iss not registered: " + LogSafe.of(iss)));
        if (launch == null || launch.isBlank()) {
            throw new LaunchException(LaunchFailure.MISSING_LAUNCH, "no launch parameter");
        }
        return authorize(request, registration, LaunchType.EHR, registration.ehrLaunchScopes(), launch);
    }

    /** Standalone launch of a registered EHR, with patient selection at the EHR or as a provider without a patient. */
    public URI beginStandalone(HttpServletRequest request, String ehrId, LaunchType type) throws LaunchException {
        return LaunchSpans.begin(Telemetry.tracer(telemetry), type, () -> standaloneLaunch(request, ehrId, type));
    }

    private URI standaloneLaunch(HttpServletRequest request, String ehrId, LaunchType type) throws LaunchException {
        EhrRegistration registration = registry.byId(ehrId == null ? "" : ehrId).orElseThrow(() ->
                new LaunchException(LaunchFailure.UNKNOWN_EHR, "no registration " + LogSafe.of(ehrId)));
        Scope scope = new Scope(registration.standaloneScopes());
        if (type == LaunchType.PROVIDER) {
            // Scope holds Scope.Value elements: removing the String would silently remove nothing
            scope.remove(new Scope.Value("launch/patient"));
        }
        return authorize(request, registration, type, scope, null);
    }

    private URI authorize(HttpServletRequest request, EhrRegistration registration, LaunchType type, Scope scope,
                          String launch) throws LaunchException {
        LaunchSpans.describe(registration.id(), type);
        SmartConfiguration configuration = discovery.discover(registration);
        State state = new State(32);
        CodeVerifier verifier = new CodeVerifier();
        Nonce nonce = new Nonce(32);
        AuthenticationRequest.Builder builder = new AuthenticationRequest.Builder(ResponseType.CODE, scope,
                registration.clientId(), settings.redirectUri())
                .endpointURI(configuration.authorizationEndpoint())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .customParameter("aud", registration.iss());
        if (launch != null) {
            builder.customParameter("launch", launch);
        }
        HttpSession session = request.getSession(true);
        if (session == null) { // Liberty answers null when its shared session store (Redis, database) fails
            throw new LaunchException(LaunchFailure.SESSION_STORE_UNAVAILABLE, "no session: the store failed");
        }
        LaunchSessions.of(session).addPending(session, new PendingAuthorization(state.getValue(), verifier.getValue(),
                nonce.getValue(), registration.id(), type, configuration.tokenEndpoint(),
                configuration.issuer().orElse(null), configuration.jwksUri().orElse(null), Instant.now()));
        return builder.build().toURI();
    }

    /** Completes a launch at the redirect URI and returns it; the session id is rotated. */
    public LaunchSession complete(HttpServletRequest request) throws LaunchException {
        return LaunchSpans.complete(Telemetry.tracer(telemetry), () -> completeLaunch(request));
    }

    private LaunchSession completeLaunch(HttpServletRequest request) throws LaunchException {
        String state = request.getParameter("state");
        if (state == null || state.isBlank()) {
            throw new LaunchException(LaunchFailure.STATE_MISSING, "callback without state");
        }
        HttpSession session = request.getSession(false);
        LaunchSessions launches = LaunchSessions.ifPresent(session).orElseThrow(() ->
                new LaunchException(LaunchFailure.STATE_MISMATCH, "no launch in this session (cookie blocked or expired)"));
        if (launches.launchOfUsedState(state).isPresent()) {
            throw new LaunchException(LaunchFailure.STATE_REUSED, "state already used in this session");
        }
        PendingAuthorization pending = launches.takePending(session, state).orElseThrow(() ->
                new LaunchException(LaunchFailure.STATE_MISMATCH, "unknown state"));
        LaunchSpans.describe(pending.registrationId(), pending.type());
        if (pending.createdAt().plus(PENDING_LIFETIME).isBefore(Instant.now())) {
            throw new LaunchException(LaunchFailure.STATE_MISMATCH, "launch older than " + PENDING_LIFETIME);
        }
        AuthorizationResponse response = parseResponse(request);
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            throw new LaunchException(LaunchFailure.AUTHORIZATION_DENIED, "EHR answered " + LogSafe.of(error.getCode())
                    + (error.getDescription() != null ? ": " + LogSafe.of(error.getDescription()) : ""));
        }
        EhrRegistration registration = registry.byId(pending.registrationId()).orElseThrow(() ->
                new LaunchException(LaunchFailure.CONFIGURATION_ERROR, "registration removed during launch"));
        long exchangeStarted = System.nanoTime();
        TokenExchange.TokenResult result = tokens.exchangeCode(registration, pending,
                response.toSuccessResponse().getAuthorizationCode());
        request.setAttribute(TOKEN_EXCHANGE_MS, (System.nanoTime() - exchangeStarted) / 1_000_000);
        IDTokenClaimsSet claims = idTokens.verify(registration, pending, result.idToken());
        LaunchSession launch = LaunchContextReader.read(newLaunchId(), registration, pending, result, claims);
        if (pending.type() != LaunchType.PROVIDER && launch.patient().isEmpty()) {
            throw new LaunchException(LaunchFailure.NO_PATIENT_IN_CONTEXT, "token response has no patient");
        }
        // Session fixation defence: a new session id once the user is signed in.
        request.changeSessionId();
        launches.complete(session, state, launch);
        return launch;
    }

    private static AuthorizationResponse parseResponse(HttpServletRequest request) throws LaunchException {
        String query = request.getQueryString();
        try {
            return AuthorizationResponse.parse(URI.create(request.getRequestURL() + (query != null ? "?" + query : "")));
        } catch (ParseException | IllegalArgumentException e) {
            throw new LaunchException(LaunchFailure.AUTHORIZATION_DENIED, "malformed authorization response: "
                    + LogSafe.of(e.getMessage()), e);
        }
    }

    private static String newLaunchId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
