package io.chartlens.sandbox.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import org.hl7.fhir.r4.model.Task;

/**
 * Tasks the app writes back as draft proposals ({@link DraftOrderTransactions}). {@code patient} and {@code subject}
 * read Task.for; also searchable by code, status, intent and identifier; sorted by {@code _lastUpdated}.
 */
public class TaskProvider extends CompartmentProvider<Task> {

    TaskProvider(SandboxStore store) {
        super(store, Task.class, Constants.PARAM_LASTUPDATED);
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = Task.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Task.SP_SUBJECT) ReferenceParam subject,
            @OptionalParam(name = Task.SP_CODE) TokenOrListParam code,
            @OptionalParam(name = Task.SP_STATUS) TokenOrListParam status,
            @OptionalParam(name = Task.SP_INTENT) TokenOrListParam intent,
            @OptionalParam(name = Task.SP_IDENTIFIER) TokenOrListParam identifier,
            @OptionalParam(name = Constants.PARAM_LASTUPDATED) DateRangeParam lastUpdated,
            @Sort SortSpec sort,
            @Count Integer count) {
        return search(ClinicalQuery.builder().patient(patient, subject).code(code).status(status)
                .common(lastUpdated, sort, count).build(), matches -> matches.stream()
                .filter(r -> TokenMatcher.matches("intent", intent, DraftOrderTransactions.intentOf(r)))
                .filter(r -> TokenMatcher.matchesIdentifier(identifier, ((Task) r).getIdentifier()))
                .toList());
    }
}
