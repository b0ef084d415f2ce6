package io.chartlens.launch;

import io.chartlens.system.ErrorPages;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /launch?iss=…&launch=…}: the EHR launch URL registered with every EHR (SMART App Launch 2.x §2.0.3). */
@WebServlet("/launch")
public class LaunchServlet extends HttpServlet {

    @Inject
    SmartLauncher launcher;
    @Inject
    ErrorPages errors;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            response.sendRedirect(launcher.beginEhrLaunch(request, request.getParameter("iss"),
                    request.getParameter("launch")).toString());
        } catch (LaunchException e) {
            errors.render(request, response, e.toPage(null));
        }
    }
}
