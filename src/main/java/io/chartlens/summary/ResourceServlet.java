package io.chartlens.summary;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import io.chartlens.fhir.FhirClients;
import io.chartlens.launch.LaunchSession;
import io.chartlens.system.ErrorPages;
import io.chartlens.system.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * {@code GET /resource?ctx=…&ref=Type/id}: opens one FHIR resource that a card cites, read live from the EHR with the
 * launch's token (the EHR enforces what the user may see). Shown as escaped, pretty-printed JSON.
 */
@WebServlet("/resource")
public class ResourceServlet extends HttpServlet {

    static final Pattern REFERENCE = Pattern.compile("([A-Z][A-Za-z]{1,40})/([A-Za-z0-9\\-.]{1,64})");
    static final Set<String> READABLE = Set.of("Patient", "Encounter", "Condition", "Observation", "MedicationRequest",
            "Medication", "AllergyIntolerance", "Procedure", "Immunization", "DiagnosticReport", "DocumentReference",
            "Practitioner");

    @Inject
    FhirClients fhirClients;
    @Inject
    Pages pages;
    @Inject
    ErrorPages errors;
    @Inject
    LaunchPages launchPages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<LaunchSession> resolved = launchPages.resolve(request, response);
        if (resolved.isEmpty()) {
            return;
        }
        LaunchSession launch = resolved.get();
        String ref = request.getParameter("ref");
        var matcher = ref == null ? null : REFERENCE.matcher(ref);
        if (matcher == null || !matcher.matches() || !READABLE.contains(matcher.group(1))) {
            errors.render(request, response, new ErrorPages.PageFailure(400, "BAD_REFERENCE",
                    "That is not a resource ChartLens can open.", "Use the links on the summary page.",
                    "ref must be Type/id of a supported type", null));
            return;
        }
        IGenericClient client = fhirClients.forLaunch(launch);
        try {
            IBaseResource resource = client.read().resource(matcher.group(1)).withId(matcher.group(2)).execute();
            String json = fhirClients.context().newJsonParser().setPrettyPrint(true).encodeResourceToString(resource);
            pages.render(request, response, "summary/resource", Map.of("ref", ref, "json", json, "ctx", launch.id()));
        } catch (FhirClientConnectionException e) {
            errors.render(request, response, new ErrorPages.PageFailure(504, "FHIR_UNREACHABLE",
                    "The EHR's FHIR server did not answer.", "Please try again in a minute.",
                    "connection failed", null));
        } catch (BaseServerResponseException e) {
            errors.render(request, response, new ErrorPages.PageFailure(e.getStatusCode() == 404 ? 404 : 502,
                    "RESOURCE_READ_FAILED", "The EHR did not return this resource (HTTP " + e.getStatusCode() + ").",
                    "Go back to the summary.", "read failed with HTTP " + e.getStatusCode(),
                    "summary?ctx=" + launch.id()));
        }
    }
}
