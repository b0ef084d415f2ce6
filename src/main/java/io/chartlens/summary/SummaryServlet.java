package io.chartlens.summary;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import io.chartlens.fhir.FhirClients;
import io.chartlens.launch.CurrentLaunch;
import io.chartlens.launch.EhrRegistration;
import io.chartlens.record.PatientRecords;
import io.chartlens.system.audit.AuditAction;
import io.chartlens.system.audit.AuditOutcome;
import io.chartlens.system.audit.AuditRecord;
import io.chartlens.system.audit.AuditTrail;
import io.chartlens.system.audit.AuditUnavailableException;
import java.util.Set;
import io.chartlens.launch.LaunchSession;
import io.chartlens.system.ErrorPages;
import io.chartlens.system.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Patient;

/** {@code GET /summary?ctx=…}: the patient summary page of one launch. */
@WebServlet("/summary")
public class SummaryServlet extends HttpServlet {

    @Inject
    CurrentLaunch currentLaunch;
    @Inject
    FhirClients fhirClients;
    @Inject
    Pages pages;
    @Inject
    ErrorPages errors;
    @Inject
    LaunchPages launchPages;
    @Inject
    ClinicianReader clinicians;
    @Inject
    AuditTrail audit;
    @Inject
    PatientRecords records;
    @Inject
    PatientBanners banners;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getParameter("ctx") == null) {
            Optional<LaunchSession> latest = currentLaunch.latest(request);
            if (latest.isPresent()) {
                response.sendRedirect("summary?ctx=" + URLEncoder.encode(latest.get().id(), StandardCharsets.UTF_8));
                return;
            }
        }
        Optional<LaunchSession> resolved = launchPages.resolve(request, response);
        if (resolved.isEmpty()) {
            return;
        }
        LaunchSession launch = resolved.get();
        String patientId = launch.patient().orElse(null);
        if (patientId == null) {
            errors.render(request, response, new ErrorPages.PageFailure(400, "NO_PATIENT_IN_CONTEXT",
                    "This launch has no patient.", "Please relaunch ChartLens from a patient's chart.", "", null));
            return;
        }
        EhrRegistration registration = currentLaunch.registration(launch).orElseThrow();
        // Start loading the record first: it runs in parallel with the banner's Patient read and is usually
        // complete by the time the page asks for it.
        records.recordFor(launch, registration);
        IGenericClient client = fhirClients.forLaunch(launch);
        Optional<PatientBanner> cached = banners.get(launch.id(), patientId);
        PatientBanner banner;
        if (cached.isPresent()) {
            banner = cached.get();
        } else {
            Optional<PatientBanner> read = readBanner(request, response, client, patientId);
            if (read.isEmpty()) {
                return;
            }
            banner = read.get();
            banners.put(launch.id(), patientId, banner);
        }
        try {
            audit.record(new AuditRecord(launch.user().orElse("unknown-user"), registration.id(), patientId,
                    launch.encounter().orElse(null), AuditAction.VIEW_SUMMARY, Set.of("Patient"),
                    AuditOutcome.SUCCESS, null, launch.id()));
        } catch (AuditUnavailableException e) {
            errors.render(request, response, new ErrorPages.PageFailure(503, "AUDIT_UNAVAILABLE",
                    "ChartLens could not record this access in its audit log, so it does not show the patient.",
                    "Please try again shortly or contact support.", e.getMessage(), null));
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("ctx", launch.id());
        model.put("styled", launch.styleUrl().flatMap(u -> SmartStyles.allowed(u, registration)).isPresent());
        model.put("showBanner", launch.needPatientBanner());
        model.put("banner", banner);
        model.put("clinician", clinicians.read(client, launch));
        pages.render(request, response, "summary/summary", model);
    }

    /** Reads the Patient for the banner; on failure renders the error page and returns empty. */
    private Optional<PatientBanner> readBanner(HttpServletRequest request, HttpServletResponse response,
                                               IGenericClient client, String patientId) throws IOException {
        try {
            Patient patient = client.read().resource(Patient.class).withId(patientId).execute();
            return Optional.of(PatientBanner.from(patient, LocalDate.now(ZoneOffset.UTC)));
        } catch (FhirClientConnectionException e) {
            errors.render(request, response, new ErrorPages.PageFailure(504, "FHIR_UNREACHABLE",
                    "The EHR's FHIR server did not answer.", "Please try again in a minute.",
                    "connection failed: " + e.getClass().getSimpleName(), null));
        } catch (BaseServerResponseException e) {
            errors.render(request, response, new ErrorPages.PageFailure(502, "PATIENT_READ_FAILED",
                    "The EHR did not return this patient (HTTP " + e.getStatusCode() + ").",
                    e.getStatusCode() == 401 || e.getStatusCode() == 403
                            ? "Please relaunch ChartLens from the EHR." : "Please try again in a minute.",
                    "Patient read failed with HTTP " + e.getStatusCode(), null));
        }
        return Optional.empty();
    }
}
