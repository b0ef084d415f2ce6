package io.chartlens.sandbox.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.hl7.fhir.r4.model.Resource;

/**
 * Read and search for a clinical type: resources in one patient's compartment. Subclasses declare the HAPI
 * {@code @Search} method with the parameters their type has and hand a {@link ClinicalQuery} to {@link #search}.
 */
public abstract class CompartmentProvider<T extends Resource> extends ReadOnlyProvider<T> {

    private final ClinicalSearch search;

    CompartmentProvider(SandboxStore store, Class<T> type, String dateParameter) {
        super(store, type);
        SearchProfile profile = SearchProfiles.of(type.getSimpleName())
                .orElseThrow(() -> new IllegalArgumentException("no search profile for " + type.getSimpleName()));
        this.search = new ClinicalSearch(profile, dateParameter);
    }

    CompartmentProvider(SandboxStore store, Class<T> type) {
        this(store, type, "date");
    }

    /** Runs the query; a patient restriction narrows the candidates to that compartment first. */
    protected IBundleProvider search(ClinicalQuery query) {
        return search(query, UnaryOperator.identity());
    }

    /**
     * Runs the query and lets the caller replace matches by copies that carry {@code _include}d resources
     * (HAPI's bundle factory adds a reference's resolved resource as an include entry).
     */
    protected IBundleProvider search(ClinicalQuery query, UnaryOperator<List<Resource>> withIncludes) {
        Optional<String> patientId = ClinicalSearch.patientOf(query);
        List<Resource> candidates = patientId
                .map(id -> store.compartment(id).stream().filter(getResourceType()::isInstance).toList())
                .orElseGet(() -> store.snapshot(typeName()));
        List<Resource> matches = withIncludes.apply(search.run(candidates, query));
        SimpleBundleProvider result = new SimpleBundleProvider(matches);
        result.setPreferredPageSize(query.count());
        return result;
    }
}
