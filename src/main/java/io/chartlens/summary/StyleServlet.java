package io.chartlens.summary;

import io.chartlens.launch.CurrentLaunch;
import io.chartlens.launch.LaunchSessions;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /style.css?ctx=…}: the launching EHR's style as CSS custom properties (empty when it sent none). */
@WebServlet("/style.css")
public class StyleServlet extends HttpServlet {

    @Inject
    CurrentLaunch currentLaunch;
    @Inject
    SmartStyles styles;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String css = LaunchSessions.ifPresent(request.getSession(false))
                .flatMap(l -> l.launch(request.getParameter("ctx")))
                .flatMap(launch -> currentLaunch.registration(launch).flatMap(r -> styles.forLaunch(launch, r)))
                .map(SmartStyle::css).orElse("");
        response.setContentType("text/css;charset=UTF-8");
        response.setHeader("Cache-Control", "private, max-age=600");
        response.getWriter().write(css);
    }
}
