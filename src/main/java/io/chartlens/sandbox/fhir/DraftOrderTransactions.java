package io.chartlens.sandbox.fhir;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * The sandbox's write support: a FHIR transaction ({@code POST /} with a Bundle of type transaction) of creates of
 * ServiceRequest, MedicationRequest and Task, the draft orders the app writes back. Each entry may be a conditional
 * create with {@code ifNoneExist=identifier=system|value}: when a resource of the same type has the identifier, it is
 * not created again and its entry answers {@code 200 OK} with its location, else {@code 201 Created}. The
 * transaction is all or nothing, and concurrent transactions cannot both create the same identifier. Each create
 * needs scope {@code c} on its type, and with patient/ scopes the patient in context. Anything else (other methods,
 * types, or search criteria) is refused with a 400 that says what the sandbox accepts.
 */
public class DraftOrderTransactions {

    static final Set<String> WRITABLE = Set.of("ServiceRequest", "MedicationRequest", "Task");

    private final SandboxStore store;

    DraftOrderTransactions(SandboxStore store) {
        this.store = store;
    }

    @Transaction
    public Bundle transaction(@TransactionParam Bundle bundle, RequestDetails request) {
        if (bundle.getType() != Bundle.BundleType.TRANSACTION) {
            throw new InvalidRequestException("The sandbox accepts only transaction Bundles (Bundle.type = transaction)");
        }
        List<SandboxStore.ConditionalCreate> creates = new ArrayList<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            creates.add(create(entry, request));
        }
        List<SandboxStore.CreateOutcome> outcomes;
        try {
            outcomes = store.createAll(creates);
        } catch (SandboxStore.AmbiguousIdentifierException e) {
            throw new PreconditionFailedException(e.getMessage());
        }
        Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        Date now = new Date();
        for (SandboxStore.CreateOutcome outcome : outcomes) {
            response.addEntry().getResponse()
                    .setStatus(outcome.created() ? "201 Created" : "200 OK")
                    .setLocation(outcome.id().toUnqualified().getValue())
                    .setEtag("W/\"" + outcome.id().getVersionIdPart() + "\"")
                    .setLastModified(now);
        }
        return response;
    }

    private SandboxStore.ConditionalCreate create(Bundle.BundleEntryComponent entry, RequestDetails request) {
        Resource resource = entry.getResource();
        String type = resource == null ? null : resource.fhirType();
        if (entry.getRequest().getMethod() != Bundle.HTTPVerb.POST || type == null || !WRITABLE.contains(type)
                || !type.equals(entry.getRequest().getUrl())) {
            throw new InvalidRequestException("The sandbox accepts only POST of " + String.join(", ",
                    WRITABLE.stream().sorted().toList()) + " in a transaction, with request.url the resource type");
        }
        String patientId = SearchProfiles.patientIdOf(resource).orElseThrow(() -> new UnprocessableEntityException(
                "A " + type + " must refer to its patient (Patient/{id})"));
        if (store.find("Patient", patientId).isEmpty()) {
            throw new UnprocessableEntityException("No patient " + patientId + " in the sandbox");
        }
        SandboxAuthorization.requireCreate(request, resource);
        Optional<ConditionalReference> condition = Optional.empty();
        String ifNoneExist = entry.getRequest().getIfNoneExist();
        if (ifNoneExist != null && !ifNoneExist.isBlank()) {
            String query = URLDecoder.decode(ifNoneExist.startsWith("?") ? ifNoneExist.substring(1) : ifNoneExist,
                    StandardCharsets.UTF_8);
            condition = Optional.of(ConditionalReference.parse(type + "?" + query).orElseThrow(() ->
                    new InvalidRequestException("The sandbox supports ifNoneExist=identifier=system|value only, not "
                            + ifNoneExist)));
        }
        return new SandboxStore.ConditionalCreate(resource, condition);
    }

    /** The intent of a request resource as a coding, for the {@code intent} search parameter. */
    static List<Coding> intentOf(Resource resource) {
        if (resource instanceof ServiceRequest r && r.hasIntent()) {
            return List.of(new Coding(r.getIntent().getSystem(), r.getIntent().toCode(), null));
        } else if (resource instanceof Task t && t.hasIntent()) {
            return List.of(new Coding(t.getIntent().getSystem(), t.getIntent().toCode(), null));
        } else if (resource instanceof MedicationRequest m && m.hasIntent()) {
            return List.of(new Coding(m.getIntent().getSystem(), m.getIntent().toCode(), null));
        }
        return List.of();
    }
}
