package io.chartlens.launch;

import io.chartlens.system.ErrorPages;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** {@code GET /callback}: the redirect URI. Completes the launch and sends the user to their page. */
@WebServlet("/callback")
public class CallbackServlet extends HttpServlet {

    @Inject
    SmartLauncher launcher;
    @Inject
    ErrorPages errors;
    @Inject
    EhrRegistry registry;
    @Inject
    jakarta.enterprise.event.Event<LaunchCompleted> completed;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            LaunchSession launch = launcher.complete(request);
            registry.byId(launch.registrationId()).ifPresent(r -> completed.fire(new LaunchCompleted(launch, r)));
            if (request.getAttribute(SmartLauncher.TOKEN_EXCHANGE_MS) instanceof Long ms) {
                response.setHeader("Server-Timing", "token;dur=" + ms);
            }
            response.sendRedirect(landingPage(launch));
        } catch (LaunchException e) {
            errors.render(request, response, e.toPage(continueUrl(request, e)));
        }
    }

    static String landingPage(LaunchSession launch) {
        String page = launch.type() == LaunchType.PROVIDER ? "/review" : "/summary";
        return page + "?ctx=" + URLEncoder.encode(launch.id(), StandardCharsets.UTF_8);
    }

    /** A double-submitted callback leads back to the launch it already completed, without a second exchange. */
    private static String continueUrl(HttpServletRequest request, LaunchException e) {
        if (e.failure() != LaunchFailure.STATE_REUSED) {
            return null;
        }
        return LaunchSessions.ifPresent(request.getSession(false))
                .flatMap(l -> l.launchOfUsedState(request.getParameter("state")).flatMap(l::launch))
                .map(CallbackServlet::landingPage)
                .orElse(null);
    }
}
