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
import org.hl7.fhir.r4.model.Immunization;

/** Immunizations; the code token is {@code vaccine-code} (CVX). */
public class ImmunizationProvider extends CompartmentProvider<Immunization> {

    ImmunizationProvider(SandboxStore store) {
        super(store, Immunization.class);
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = Immunization.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Immunization.SP_VACCINE_CODE) TokenOrListParam vaccineCode,
            @OptionalParam(name = Immunization.SP_STATUS) TokenOrListParam status,
            @OptionalParam(name = Immunization.SP_DATE) DateRangeParam date,
            @OptionalParam(name = Constants.PARAM_LASTUPDATED) DateRangeParam lastUpdated,
            @Sort SortSpec sort,
            @Count Integer count) {
        return search(ClinicalQuery.builder().patient(patient, null)
                .code(vaccineCode).status(status)
                .date(date).common(lastUpdated, sort, count).build());
    }
}
