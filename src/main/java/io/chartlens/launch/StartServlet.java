package io.chartlens.launch;

import io.chartlens.system.ErrorPages;
import io.chartlens.system.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /start}: standalone launch (SMART App Launch 2.x §2.0.1). Without parameters it lists the registered
 * EHRs; {@code ?ehr=id} launches with patient selection at the EHR, {@code ?ehr=id&mode=provider} without a patient.
 */
@WebServlet("/start")
public class StartServlet extends HttpServlet {

    /** One EHR on the start page. */
    public record EhrChoice(String id, String name, boolean developmentOnly) {
    }

    @Inject
    EhrRegistry registry;
    @Inject
    SmartLauncher launcher;
    @Inject
    Pages pages;
    @Inject
    ErrorPages errors;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String ehr = request.getParameter("ehr");
        if (ehr == null) {
            List<EhrChoice> choices = registry.all().stream()
                    .map(r -> new EhrChoice(r.id(), r.name(), r.developmentOnly())).toList();
            pages.render(request, response, "launch/start", Map.of("ehrs", choices));
            return;
        }
        LaunchType type = "provider".equals(request.getParameter("mode")) ? LaunchType.PROVIDER : LaunchType.STANDALONE;
        try {
            response.sendRedirect(launcher.beginStandalone(request, ehr, type).toString());
        } catch (LaunchException e) {
            errors.render(request, response, e.toPage("/start"));
        }
    }
}
