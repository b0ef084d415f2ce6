package io.chartlens.sandbox.fhir;

import ca.uhn.fhir.context.api.BundleInclusionRule;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import io.chartlens.sandbox.SandboxSettings;
import io.chartlens.sandbox.auth.SandboxTokenVerifier;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;

/**
 * The sandbox EHR's FHIR R4 endpoint ({@code /sandbox/fhir/*}, mapped by SandboxBootstrap): read and search over
 * the {@link SandboxStore}, SMART-scoped by {@link SandboxAuthorization}, with paging ({@code _getpages}) kept in
 * memory, and transactions of draft orders ({@link DraftOrderTransactions}). JSON is the default encoding because SMART clients expect it.
 */
public class SandboxFhirServer extends RestfulServer {

    private static final long serialVersionUID = 1L;
    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 500;

    @Inject
    transient SandboxStore store;

    @Inject
    transient SandboxTokenVerifier verifier;

    @Inject
    transient SandboxSettings settings;

    /** For the servlet container, which injects the fields. */
    public SandboxFhirServer() {
        super(SandboxFhirContext.get());
    }

    /** For tests and tools outside CDI; the authorization endpoints are derived from each request's base. */
    public SandboxFhirServer(SandboxStore store, SandboxTokenVerifier verifier) {
        this();
        this.store = store;
        this.verifier = verifier;
    }

    @Override
    protected void initialize() {
        if (store == null || verifier == null) {
            throw new IllegalStateException("SandboxFhirServer needs a SandboxStore and a SandboxTokenVerifier"
                    + " (CDI injection or the two-argument constructor)");
        }
        setServerName("ChartLens sandbox EHR");
        setDefaultResponseEncoding(EncodingEnum.JSON);
        FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(200);
        paging.setDefaultPageSize(DEFAULT_PAGE_SIZE);
        paging.setMaximumPageSize(MAX_PAGE_SIZE);
        setPagingProvider(paging);
        // Include exactly what a provider attached to a reference (only when _include asked for it); the default
        // rule matches include names against element names and missed medication[x].
        setBundleInclusionRule(BundleInclusionRule.BASED_ON_RESOURCE_PRESENCE);
        setResourceProviders(List.of(
                new PatientProvider(store),
                new EncounterProvider(store),
                new ConditionProvider(store),
                new ObservationProvider(store),
                new MedicationRequestProvider(store),
                new AllergyIntoleranceProvider(store),
                new ProcedureProvider(store),
                new ImmunizationProvider(store),
                new DiagnosticReportProvider(store),
                new DocumentReferenceProvider(store),
                new ServiceRequestProvider(store),
                new TaskProvider(store),
                new ReadOnlyProvider<>(store, Practitioner.class),
                new ReadOnlyProvider<>(store, PractitionerRole.class),
                new ReadOnlyProvider<>(store, Organization.class),
                new ReadOnlyProvider<>(store, Location.class),
                new ReadOnlyProvider<>(store, Medication.class)));
        registerProvider(new DraftOrderTransactions(store));
        registerInterceptor(new SandboxAuthorization(verifier));
        registerInterceptor(new SmartCapabilityStatement(
                Optional.ofNullable(settings).map(SandboxSettings::authIssuer)));
    }
}
