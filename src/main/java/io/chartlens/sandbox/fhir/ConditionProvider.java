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
import org.hl7.fhir.r4.model.Condition;

/** Conditions; {@code date} reads recordedDate, else onset[x] (R4 has no Condition date parameter). */
public class ConditionProvider extends CompartmentProvider<Condition> {

    /** Not an R4 Condition parameter; offered so that every clinical type answers {@code date} alike. */
    static final String DATE = "date";

    ConditionProvider(SandboxStore store) {
        super(store, Condition.class);
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = Condition.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Condition.SP_SUBJECT) ReferenceParam subject,
            @OptionalParam(name = Condition.SP_CODE) TokenOrListParam code,
            @OptionalParam(name = Condition.SP_CATEGORY) TokenOrListParam category,
            @OptionalParam(name = Condition.SP_CLINICAL_STATUS) TokenOrListParam clinicalStatus,
            @OptionalParam(name = DATE) DateRangeParam date,
            @OptionalParam(name = Constants.PARAM_LASTUPDATED) DateRangeParam lastUpdated,
            @Sort SortSpec sort,
            @Count Integer count) {
        return search(ClinicalQuery.builder().patient(patient, subject)
                .code(code).category(category).clinicalStatus(clinicalStatus)
                .date(date).common(lastUpdated, sort, count).build());
    }
}
