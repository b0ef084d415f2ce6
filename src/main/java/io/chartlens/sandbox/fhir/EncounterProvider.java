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
import org.hl7.fhir.r4.model.Encounter;

/** Encounters; {@code type} is the token, {@code date} reads Encounter.period. */
public class EncounterProvider extends CompartmentProvider<Encounter> {

    EncounterProvider(SandboxStore store) {
        super(store, Encounter.class);
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = Encounter.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Encounter.SP_SUBJECT) ReferenceParam subject,
            @OptionalParam(name = Encounter.SP_TYPE) TokenOrListParam type,
            @OptionalParam(name = Encounter.SP_STATUS) TokenOrListParam status,
            @OptionalParam(name = Encounter.SP_DATE) DateRangeParam date,
            @OptionalParam(name = Constants.PARAM_LASTUPDATED) DateRangeParam lastUpdated,
            @Sort SortSpec sort,
            @Count Integer count) {
        return search(ClinicalQuery.builder().patient(patient, subject)
                .code(type).status(status)
                .date(date).common(lastUpdated, sort, count).build());
    }
}
