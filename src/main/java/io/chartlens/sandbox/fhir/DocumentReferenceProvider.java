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
import org.hl7.fhir.r4.model.DocumentReference;

/** Clinical notes; the code token is {@code type}. */
public class DocumentReferenceProvider extends CompartmentProvider<DocumentReference> {

    DocumentReferenceProvider(SandboxStore store) {
        super(store, DocumentReference.class);
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = DocumentReference.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = DocumentReference.SP_SUBJECT) ReferenceParam subject,
            @OptionalParam(name = DocumentReference.SP_TYPE) TokenOrListParam type,
            @OptionalParam(name = DocumentReference.SP_CATEGORY) TokenOrListParam category,
            @OptionalParam(name = DocumentReference.SP_STATUS) TokenOrListParam status,
            @OptionalParam(name = DocumentReference.SP_DATE) DateRangeParam date,
            @OptionalParam(name = Constants.PARAM_LASTUPDATED) DateRangeParam lastUpdated,
            @Sort SortSpec sort,
            @Count Integer count) {
        return search(ClinicalQuery.builder().patient(patient, subject)
                .code(type).category(category).status(status)
                .date(date).common(lastUpdated, sort, count).build());
    }
}
