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
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code GET /summary?ctx=…}: the patient summary page of one launch. */
@WebServlet("/summary")
public class SummaryServlet extends HttpServlet {

    /** How long the page waits for the banner's Patient read before it says the EHR did not answer. */
    static final int BANNER_WAIT_SECONDS = 30;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;
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
        long t0 = System.nanoTime();
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
        long t1 = System.nanoTime();
        IGenericClient client = fhirClients.forLaunch(launch);
        Optional<PatientBanner> read = awaitBanner(request, response, banners.banner(launch.id(), patientId,
                () -> client, executor));
        if (read.isEmpty()) {
            return;
        }
        PatientBanner banner = read.get();
        long t2 = System.nanoTime();
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
        long t3 = System.nanoTime();
        // where the page's time went (no PHI): starting the record load, the banner's Patient read, the audit write
        response.setHeader("Server-Timing", "start;dur=" + ms(t0, t1) + ", banner;dur=" + ms(t1, t2)
                + ", audit;dur=" + ms(t2, t3));
        pages.render(request, response, "summary/summary", model);
    }

    /**
     * Waits for the banner's Patient read (started when the launch completed, or just now); on failure renders the
     * error page and returns empty.
     */
    private Optional<PatientBanner> awaitBanner(HttpServletRequest request, HttpServletResponse response,
                                                CompletableFuture<PatientBanner> pending) throws IOException {
        Throwable failure;
        try {
            return Optional.of(pending.get(BANNER_WAIT_SECONDS, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            failure = e.getCause();
        } catch (TimeoutException e) {
            failure = new FhirClientConnectionException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new FhirClientConnectionException(e);
        }
        if (failure instanceof FhirClientConnectionException e) {
            errors.render(request, response, new ErrorPages.PageFailure(504, "FHIR_UNREACHABLE",
                    "The EHR's FHIR server did not answer.", "Please try again in a minute.",
                    "connection failed: " + e.getClass().getSimpleName(), null));
        } else if (failure instanceof BaseServerResponseException e) {
            errors.render(request, response, new ErrorPages.PageFailure(502, "PATIENT_READ_FAILED",
                    "The EHR did not return this patient (HTTP " + e.getStatusCode() + ").",
                    e.getStatusCode() == 401 || e.getStatusCode() == 403
                            ? "Please relaunch ChartLens from the EHR." : "Please try again in a minute.",
                    "Patient read failed with HTTP " + e.getStatusCode(), null));
        } else {
            errors.render(request, response, new ErrorPages.PageFailure(502, "PATIENT_READ_FAILED",
                    "The EHR's Patient could not be read.", "Please try again in a minute.",
                    "Patient read failed: " + (failure == null ? "unknown" : failure.getClass().getSimpleName()),
                    null));
        }
        return Optional.empty();
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
