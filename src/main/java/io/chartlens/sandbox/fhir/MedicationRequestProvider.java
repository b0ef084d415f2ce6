package io.chartlens.sandbox.fhir;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Resource;

/**
 * Medication requests. Synthea 3 writes many as {@code medicationReference} to a Medication resource, so
 * {@code _include=MedicationRequest:medication} returns those Medications as include entries; the
 * {@code code} token matches medicationCodeableConcept only (as on HAPI's JPA server). The date is
 * {@code authoredon}. {@code identifier} finds the app's draft orders (see {@link DraftOrderTransactions}).
 */
public class MedicationRequestProvider extends CompartmentProvider<MedicationRequest> {

    MedicationRequestProvider(SandboxStore store) {
        super(store, MedicationRequest.class, MedicationRequest.SP_AUTHOREDON);
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = MedicationRequest.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = MedicationRequest.SP_SUBJECT) ReferenceParam subject,
            @OptionalParam(name = MedicationRequest.SP_CODE) TokenOrListParam code,
            @OptionalParam(name = MedicationRequest.SP_STATUS) TokenOrListParam status,
            @OptionalParam(name = MedicationRequest.SP_INTENT) TokenOrListParam intent,
            @OptionalParam(name = MedicationRequest.SP_AUTHOREDON) DateRangeParam authoredOn,
            @OptionalParam(name = MedicationRequest.SP_IDENTIFIER) TokenOrListParam identifier,
            @IncludeParam(allow = {"MedicationRequest:medication"}) Set<Include> includes,
            @OptionalParam(name = Constants.PARAM_LASTUPDATED) DateRangeParam lastUpdated,
            @Sort SortSpec sort,
            @Count Integer count) {
        ClinicalQuery query = ClinicalQuery.builder().patient(patient, subject)
                .code(code).status(status).date(authoredOn).common(lastUpdated, sort, count).build();
        boolean includeMedication = includes != null && includes.stream()
                .anyMatch(i -> "MedicationRequest:medication".equals(i.getValue()));
        return search(query, matches -> {
            List<Resource> byIntent = matches.stream()
                    .filter(r -> TokenMatcher.matches("intent", intent, intentOf((MedicationRequest) r)))
                    .filter(r -> TokenMatcher.matchesIdentifier(identifier, ((MedicationRequest) r).getIdentifier()))
                    .toList();
            return includeMedication ? byIntent.stream().map(this::withMedication).toList() : byIntent;
        });
    }

    private static List<Coding> intentOf(MedicationRequest request) {
        return request.hasIntent()
                ? List.of(new Coding(request.getIntent().getSystem(),
                        request.getIntent().toCode(), null))
                : List.of();
    }

    /** A copy whose medicationReference carries a copy of the Medication, or the request itself. */
    private Resource withMedication(Resource resource) {
        MedicationRequest request = (MedicationRequest) resource;
        if (!request.hasMedicationReference()) {
            return request;
        }
        IdType target = new IdType(request.getMedicationReference().getReference());
        Optional<Resource> medication = "Medication".equals(target.getResourceType())
                ? store.find("Medication", target.getIdPart()) : Optional.empty();
        if (medication.isEmpty()) {
            return request;
        }
        MedicationRequest copy = request.copy();
        copy.getMedicationReference().setResource((Medication) medication.get().copy());
        return copy;
    }
}
