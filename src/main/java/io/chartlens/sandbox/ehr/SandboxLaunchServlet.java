package io.chartlens.sandbox.ehr;

import io.chartlens.sandbox.SandboxSettings;
import io.chartlens.sandbox.auth.SandboxLaunchContexts;
import io.chartlens.sandbox.fhir.PatientListing;
import io.chartlens.sandbox.fhir.SandboxStore;
import java.util.Comparator;
import java.util.Optional;
import org.hl7.fhir.r4.model.Encounter;
import io.chartlens.system.ErrorPages;
import io.chartlens.system.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * {@code GET /sandbox/launch?patient={id}[&user={practitioner id}]}: what an EHR does when a clinician opens ChartLens
 * from a chart: it creates a launch context and frames {@code /launch?iss=…&launch=…} beside the chart.
 */
public class SandboxLaunchServlet extends HttpServlet {

    static final String DEFAULT_USER = "sandbox-clinician";

    @Inject
    SandboxStore store;
    @Inject
    SandboxLaunchContexts launchContexts;
    @Inject
    SandboxSettings settings;
    @Inject
    Pages pages;
    @Inject
    ErrorPages errors;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String patientId = request.getParameter("patient");
        String userId = request.getParameter("user") != null ? request.getParameter("user") : DEFAULT_USER;
        var patient = patientId == null ? java.util.Optional.<PatientListing>empty()
                : store.patients().stream().filter(p -> p.id().equals(patientId)).findFirst();
        if (patient.isEmpty()) {
            errors.render(request, response, new ErrorPages.PageFailure(404, "SANDBOX_NO_SUCH_PATIENT",
                    "The sandbox has no patient with that id.", "Choose a patient from the sandbox list.",
                    "patient parameter missing or unknown", request.getContextPath() + "/sandbox/"));
            return;
        }
        var user = store.practitioners().stream().filter(p -> p.id().equals(userId)).findFirst();
        if (user.isEmpty()) {
            errors.render(request, response, new ErrorPages.PageFailure(404, "SANDBOX_NO_SUCH_USER",
                    "The sandbox has no user with that id.", "Choose a user from the sandbox list.",
                    "user parameter unknown", request.getContextPath() + "/sandbox/"));
            return;
        }
        String launch = launchContexts.register(new SandboxLaunchContexts.LaunchContext(patientId,
                latestEncounterId(patientId).orElse(null), userId));
        pages.render(request, response, "sandbox/ehr", Map.of(
                "patient", patient.get(),
                "user", user.get(),
                "iss", settings.fhirBase(),
                "launch", launch));
    }

    /** The patient's most recent encounter, which a real EHR would put in context when opened from a visit. */
    private Optional<String> latestEncounterId(String patientId) {
        String subject = "Patient/" + patientId;
        return store.all("Encounter").stream()
                .map(Encounter.class::cast)
                .filter(e -> subject.equals(e.getSubject().getReference()) && e.getPeriod().hasStart())
                .max(Comparator.comparing(e -> e.getPeriod().getStart()))
                .map(e -> e.getIdElement().getIdPart());
    }
}
