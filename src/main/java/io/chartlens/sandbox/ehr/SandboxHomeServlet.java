package io.chartlens.sandbox.ehr;

import io.chartlens.sandbox.SandboxSettings;
import io.chartlens.sandbox.fhir.SandboxStore;
import io.chartlens.system.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** {@code GET /sandbox/}: the loaded synthetic patients, each with an EHR-launch link. Mapped at {@code /sandbox/*} (longer sandbox mappings win) only when enabled. */
public class SandboxHomeServlet extends HttpServlet {

    @Inject
    SandboxStore store;
    @Inject
    SandboxSettings settings;
    @Inject
    Pages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String rest = request.getPathInfo();
        if (rest == null) {
            response.sendRedirect(request.getContextPath() + "/sandbox/");
            return;
        }
        if (!"/".equals(rest)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        pages.render(request, response, "sandbox/home", Map.of(
                "patients", store.patients(),
                "users", store.practitioners(),
                "fhirBase", settings.fhirBase()));
    }
}
