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
import org.hl7.fhir.r4.model.Procedure;

/** Procedures, where the screening evidence (colonoscopy, FOBT, mammography) lives. */
public class ProcedureProvider extends CompartmentProvider<Procedure> {

    ProcedureProvider(SandboxStore store) {
        super(store, Procedure.class);
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = Procedure.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Procedure.SP_SUBJECT) ReferenceParam subject,
            @OptionalParam(name = Procedure.SP_CODE) TokenOrListParam code,
            @OptionalParam(name = Procedure.SP_STATUS) TokenOrListParam status,
            @OptionalParam(name = Procedure.SP_DATE) DateRangeParam date,
            @OptionalParam(name = Constants.PARAM_LASTUPDATED) DateRangeParam lastUpdated,
            @Sort SortSpec sort,
            @Count Integer count) {
        return search(ClinicalQuery.builder().patient(patient, subject)
                .code(code).status(status)
                .date(date).common(lastUpdated, sort, count).build());
    }
}
