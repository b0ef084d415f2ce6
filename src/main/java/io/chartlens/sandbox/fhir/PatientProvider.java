package io.chartlens.sandbox.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/** Patients: read, and search by {@code _id} or {@code identifier} (the app reads its patient by id). */
public class PatientProvider extends ReadOnlyProvider<Patient> {

    PatientProvider(SandboxStore store) {
        super(store, Patient.class);
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = Patient.SP_RES_ID) TokenOrListParam id,
            @OptionalParam(name = Patient.SP_IDENTIFIER) TokenOrListParam identifier,
            @OptionalParam(name = Constants.PARAM_LASTUPDATED) DateRangeParam lastUpdated,
            @Sort SortSpec sort,
            @Count Integer count) {
        List<Resource> matches = store.snapshot("Patient").stream()
                .filter(p -> matchesId(id, p))
                .filter(p -> TokenMatcher.matches("identifier", identifier, identifierCodings((Patient) p)))
                .filter(p -> ClinicalSearch.inRange(ClinicalDates.lastUpdated(p), lastUpdated))
                .sorted(order(sort))
                .toList();
        SimpleBundleProvider result = new SimpleBundleProvider(matches);
        result.setPreferredPageSize(count);
        return result;
    }

    private static boolean matchesId(TokenOrListParam ids, Resource patient) {
        if (ids == null) {
            return true;
        }
        String own = patient.getIdElement().getIdPart();
        return ids.getValuesAsQueryTokens().stream().map(TokenParam::getValue)
                .anyMatch(value -> own.equals(new IdType(value).getIdPart()));
    }

    /** Identifiers as system|value codings, so identifier search shares the token semantics. */
    private static List<Coding> identifierCodings(Patient patient) {
        return patient.getIdentifier().stream().map(i -> new Coding(i.getSystem(), i.getValue(), null)).toList();
    }

    private static Comparator<Resource> order(SortSpec sort) {
        if (sort == null) {
            return (a, b) -> 0;
        }
        if (!"_lastUpdated".equals(sort.getParamName()) || sort.getChain() != null) {
            throw new InvalidRequestException("Patient search can sort only by _lastUpdated");
        }
        Comparator<Resource> byUpdate = Comparator.comparing(p -> lastUpdated(p));
        return sort.getOrder() == ca.uhn.fhir.rest.api.SortOrderEnum.DESC ? byUpdate.reversed() : byUpdate;
    }

    private static Instant lastUpdated(Resource resource) {
        return resource.getMeta().getLastUpdated().toInstant();
    }
}
