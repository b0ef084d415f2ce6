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
import org.hl7.fhir.r4.model.DiagnosticReport;

/** Diagnostic reports (lab panels and notes' presentedForm). */
public class DiagnosticReportProvider extends CompartmentProvider<DiagnosticReport> {

    DiagnosticReportProvider(SandboxStore store) {
        super(store, DiagnosticReport.class);
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = DiagnosticReport.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = DiagnosticReport.SP_SUBJECT) ReferenceParam subject,
            @OptionalParam(name = DiagnosticReport.SP_CODE) TokenOrListParam code,
            @OptionalParam(name = DiagnosticReport.SP_CATEGORY) TokenOrListParam category,
            @OptionalParam(name = DiagnosticReport.SP_STATUS) TokenOrListParam status,
            @OptionalParam(name = DiagnosticReport.SP_DATE) DateRangeParam date,
            @OptionalParam(name = Constants.PARAM_LASTUPDATED) DateRangeParam lastUpdated,
            @Sort SortSpec sort,
            @Count Integer count) {
        return search(ClinicalQuery.builder().patient(patient, subject)
                .code(code).category(category).status(status)
                .date(date).common(lastUpdated, sort, count).build());
    }
}
