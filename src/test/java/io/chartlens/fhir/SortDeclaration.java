package io.chartlens.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

/** Declares {@code _sort} as a server-wide search parameter in a test server's CapabilityStatement. */
@Interceptor
public class SortDeclaration {

    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void declareSort(IBaseConformance conformance) {
        ((CapabilityStatement) conformance).getRest()
                .forEach(rest -> rest.addSearchParam().setName("_sort").setType(SearchParamType.STRING));
    }
}
