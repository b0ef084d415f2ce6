package io.chartlens.sandbox.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;

/**
 * Read by id for one resource type. On its own it serves the shared types (Practitioner, PractitionerRole,
 * Organization, Location, Medication), which the sandbox offers for read only; the clinical providers extend it.
 * Public because HAPI invokes the annotated methods reflectively.
 */
public class ReadOnlyProvider<T extends Resource> implements IResourceProvider {

    protected final SandboxStore store;
    private final Class<T> type;

    ReadOnlyProvider(SandboxStore store, Class<T> type) {
        this.store = store;
        this.type = type;
    }

    @Override
    public Class<T> getResourceType() {
        return type;
    }

    /** The FHIR type name, for example "Observation". */
    protected String typeName() {
        return type.getSimpleName();
    }

    @Read
    public T read(@IdParam IdType id) {
        return store.find(typeName(), id.getIdPart()).map(type::cast)
                .orElseThrow(() -> new ResourceNotFoundException(new IdType(typeName(), id.getIdPart())));
    }
}
