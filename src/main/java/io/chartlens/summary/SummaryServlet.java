package io.chartlens.summary;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import io.chartlens.fhir.FhirClients;
import io.chartlens.launch.CurrentLaunch;
import io.chartlens.launch.LaunchException;
import io.chartlens.launch.LaunchSession;
import io.chartlens.system.ErrorPages;
import io.chartlens.system.FrameAncestors;
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
    FrameAncestors frameAncestors;
    @Inject
    ClinicianReader clinicians;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getParameter("ctx") == null) {
            Optional<LaunchSession> latest = currentLaunch.latest(request);
            if (latest.isPresent()) {
                response.sendRedirect("summary?ctx=" + URLEncoder.encode(latest.get().id(), StandardCharsets.UTF_8));
                return;
            }
        }
        LaunchSession launch;
        try {
            launch = currentLaunch.require(request);
        } catch (LaunchException e) {
            errors.render(request, response, e.toPage(null));
            return;
        }
        currentLaunch.registration(launch).ifPresent(r -> frameAncestors.apply(response, r));
        String patientId = launch.patient().orElse(null);
        if (patientId == null) {
            errors.render(request, response, new ErrorPages.PageFailure(400, "NO_PATIENT_IN_CONTEXT",
                    "This launch has no patient.", "Please relaunch ChartLens from a patient's chart.", "", null));
            return;
        }
        IGenericClient client = fhirClients.forLaunch(launch);
        Patient patient;
        try {
            patient = client.read().resource(Patient.class).withId(patientId).execute();
        } catch (FhirClientConnectionException e) {
            errors.render(request, response, new ErrorPages.PageFailure(504, "FHIR_UNREACHABLE",
                    "The EHR's FHIR server did not answer.", "Please try again in a minute.",
                    "connection failed: " + e.getClass().getSimpleName(), null));
            return;
        } catch (BaseServerResponseException e) {
            errors.render(request, response, new ErrorPages.PageFailure(502, "PATIENT_READ_FAILED",
                    "The EHR did not return this patient (HTTP " + e.getStatusCode() + ").",
                    e.getStatusCode() == 401 || e.getStatusCode() == 403
                            ? "Please relaunch ChartLens from the EHR." : "Please try again in a minute.",
                    "Patient read failed with HTTP " + e.getStatusCode(), null));
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("ctx", launch.id());
        model.put("showBanner", launch.needPatientBanner());
        model.put("banner", PatientBanner.from(patient, LocalDate.now(ZoneOffset.UTC)));
        model.put("clinician", clinicians.read(client, launch));
        pages.render(request, response, "summary/summary", model);
    }
}
