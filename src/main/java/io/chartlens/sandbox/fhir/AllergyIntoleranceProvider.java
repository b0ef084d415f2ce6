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
import org.hl7.fhir.r4.model.AllergyIntolerance;

/** Allergies; {@code date} reads recordedDate. */
public class AllergyIntoleranceProvider extends CompartmentProvider<AllergyIntolerance> {

    AllergyIntoleranceProvider(SandboxStore store) {
        super(store, AllergyIntolerance.class);
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = AllergyIntolerance.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = AllergyIntolerance.SP_CODE) TokenOrListParam code,
            @OptionalParam(name = AllergyIntolerance.SP_CLINICAL_STATUS) TokenOrListParam clinicalStatus,
            @OptionalParam(name = AllergyIntolerance.SP_DATE) DateRangeParam date,
            @OptionalParam(name = Constants.PARAM_LASTUPDATED) DateRangeParam lastUpdated,
            @Sort SortSpec sort,
            @Count Integer count) {
        return search(ClinicalQuery.builder().patient(patient, null)
                .code(code).clinicalStatus(clinicalStatus)
                .date(date).common(lastUpdated, sort, count).build());
    }
}
