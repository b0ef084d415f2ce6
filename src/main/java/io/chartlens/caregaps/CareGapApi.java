package io.chartlens.caregaps;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import io.chartlens.launch.LaunchSessions;
import io.chartlens.risk.ApiTokens;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;

/**
 * {@code POST /api/care-gaps/$evaluate?periodStart=yyyy-mm-dd&periodEnd=yyyy-mm-dd} with a FHIR Bundle (one patient's
 * record) as the body: every measure's population memberships, gap status, due date and evidence references, as
 * JSON. Bad input gets 400 with an OperationOutcome that says what is wrong. Needs a signed-in launch session or an
 * API bearer token, like the score API.
 */
@Path("/care-gaps")
public class CareGapApi {

    static final String FHIR_JSON = "application/fhir+json";

    @Inject
    CareGaps careGaps;
    @Inject
    ApiTokens tokens;
    @Context
    HttpServletRequest request;

    @POST
    @Path("/$evaluate")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, FHIR_JSON})
    public Response evaluate(@QueryParam("periodStart") String periodStart, @QueryParam("periodEnd") String periodEnd,
            String body) {
        boolean signedIn = LaunchSessions.ifPresent(request.getSession(false)).flatMap(LaunchSessions::latest).isPresent();
        if (!signedIn && !tokens.accepts(request.getHeader("Authorization"))) {
            return outcome(401, OperationOutcome.IssueType.LOGIN,
                    "sign in through an EHR launch or send an API bearer token");
        }
        MeasurementPeriod period;
        try {
            period = MeasurementPeriod.parse(periodStart, periodEnd);
        } catch (IllegalArgumentException e) {
            return outcome(400, OperationOutcome.IssueType.INVALID, e.getMessage());
        }
        IBaseResource parsed;
        try {
            parsed = FhirContext.forR4Cached().newJsonParser().parseResource(body == null ? "" : body);
        } catch (DataFormatException | IllegalArgumentException e) {
            return outcome(400, OperationOutcome.IssueType.STRUCTURE, "the body is not a FHIR JSON resource");
        }
        if (!(parsed instanceof Bundle bundle)) {
            return outcome(400, OperationOutcome.IssueType.INVALID, "the body must be a FHIR Bundle, not a "
                    + parsed.fhirType());
        }
        List<Patient> patients = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance).map(Patient.class::cast).toList();
        if (patients.size() != 1 || !patients.get(0).hasIdElement() || patients.get(0).getIdElement().getIdPart() == null) {
            return outcome(400, OperationOutcome.IssueType.INVALID, "the Bundle must hold exactly one Patient with an id;"
                    + " it holds " + patients.size());
        }
        String patientId = patients.get(0).getIdElement().getIdPart();
        CareGapReport report = careGaps.evaluate(bundle, patientId, period, List.of());
        return Response.ok(json(report, patientId).build().toString(), MediaType.APPLICATION_JSON).build();
    }

    static JsonObjectBuilder json(CareGapReport report, String patientId) {
        JsonArrayBuilder measures = Json.createArrayBuilder();
        for (CareGap gap : report.gaps()) {
            MeasureDefinition m = gap.measure();
            JsonObjectBuilder o = Json.createObjectBuilder().add("id", m.id()).add("url", m.url())
                    .add("version", m.version()).add("title", m.title()).add("specification", m.specification())
                    .add("improvementNotation", m.improvement().code())
                    .add("status", gap.status().code());
            gap.dueDate().ifPresent(d -> o.add("dueDate", d.toString()));
            JsonArrayBuilder reasons = Json.createArrayBuilder();
            gap.reasons().forEach(reasons::add);
            o.add("reasons", reasons);
            JsonArrayBuilder groups = Json.createArrayBuilder();
            for (int i = 0; i < gap.memberships().size(); i++) {
                PopulationMembership membership = gap.memberships().get(i);
                JsonObjectBuilder populations = Json.createObjectBuilder();
                for (MeasurePopulation p : m.groups().get(i).criteria().keySet()) {
                    populations.add(p.code(), membership.in(p));
                }
                groups.add(Json.createObjectBuilder().add("group", membership.groupId()).add("populations", populations));
            }
            o.add("groups", groups);
            JsonArrayBuilder evidence = Json.createArrayBuilder();
            for (Evidence e : gap.evidence()) {
                JsonObjectBuilder item = Json.createObjectBuilder().add("role", e.role().name().toLowerCase())
                        .add("reference", e.reference()).add("display", e.display());
                e.date().ifPresent(d -> item.add("date", d.toString()));
                evidence.add(item);
            }
            o.add("evidence", evidence);
            measures.add(o);
        }
        return Json.createObjectBuilder().add("patient", "Patient/" + patientId)
                .add("periodStart", report.period().start().toString())
                .add("periodEnd", report.period().end().toString())
                .add("measures", measures);
    }

    private static Response outcome(int status, OperationOutcome.IssueType type, String message) {
        OperationOutcome oo = new OperationOutcome();
        oo.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(message);
        return Response.status(status).type(FHIR_JSON)
                .entity(FhirContext.forR4Cached().newJsonParser().encodeResourceToString(oo)).build();
    }
}
