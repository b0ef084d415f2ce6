package io.chartlens.sandbox.fhir;

import io.chartlens.sandbox.SandboxSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Resource;

/**
 * The sandbox EHR's in-memory resource store, loaded once with synthetic patients (see {@link StoreLoading} for
 * the files and rules). Thread-safe: reads share a lock, loading, {@link #create} and {@link #createAll} (the
 * conditional creates of a draft-order transaction, checked and stored under one lock) take it exclusively. The public
 * read methods return copies, so callers may change what they get; the server's providers use the package-private
 * views, which hand out the stored instances for read-only use (serialising thousands of Observations per search
 * should not copy them).
 */
@ApplicationScoped
public class SandboxStore {

    @Inject
    SandboxSettings settings;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final StoreIndex index = new StoreIndex();

    /** For CDI; the data is loaded in {@link #start()}. */
    public SandboxStore() {
    }

    /** Builds and loads a store outside CDI (tests, tools): the built-in bundles plus an optional folder. */
    public static SandboxStore load(Optional<Path> extraDataDir) {
        SandboxStore store = new SandboxStore();
        store.loadAll(extraDataDir);
        return store;
    }

    @PostConstruct
    void start() {
        loadAll(settings.extraDataDir());
    }

    private void loadAll(Optional<Path> extraDataDir) {
        write(() -> {
            new StoreLoading(SandboxFhirContext.get(), index).loadAll(extraDataDir);
            return null;
        });
    }

    /** The patients, sorted by family name. */
    public List<PatientListing> patients() {
        return read(() -> index.ofType("Patient").stream().map(Patient.class::cast)
                .sorted(Listings.byFamilyName()).map(Listings::patient).toList());
    }

    /** The practitioners: the three sandbox users first, then the sample data's clinicians by family name. */
    public List<PractitionerListing> practitioners() {
        return read(() -> index.ofType("Practitioner").stream().map(Practitioner.class::cast)
                .sorted(Listings.sandboxUsersFirst()).map(Listings::practitioner).toList());
    }

    /** A copy of one resource, or empty when there is none with that type and id. */
    public Optional<IBaseResource> read(String type, String id) {
        return find(type, id).map(Resource::copy);
    }

    /** Copies of all resources of a type, in load order (empty for an unknown type). */
    public List<IBaseResource> all(String type) {
        return snapshot(type).stream().<IBaseResource>map(Resource::copy).toList();
    }

    /**
     * The latest clinical date (see {@link ClinicalDates}) among a patient's resources: the natural "today" of a
     * record whose data ended years ago. Empty when the patient is unknown or has no dated resources.
     */
    public Optional<Instant> lastRecordDate(String patientId) {
        return read(() -> index.compartment(patientId).stream()
                .map(ClinicalDates::of).flatMap(Optional::stream)
                .map(DateSpan::latest).max(Instant::compareTo));
    }

    /**
     * Stores a copy of a new resource under a fresh UUID id with version 1 (for example a draft order).
     *
     * @return the new resource's id, with type and version
     * @throws IllegalArgumentException when the argument is not an R4 resource
     */
    public IIdType create(IBaseResource resource) {
        if (!(resource instanceof Resource source)) {
            throw new IllegalArgumentException("not an R4 resource: " + resource);
        }
        Resource copy = source.copy();
        IdType id = new IdType(copy.fhirType(), UUID.randomUUID().toString(), "1");
        copy.setIdElement(id.toUnqualifiedVersionless());
        copy.getMeta().setVersionId("1").setLastUpdatedElement(new InstantType(new Date()));
        write(() -> {
            index.put(copy, true);
            return null;
        });
        return id;
    }

    /**
     * One create of a transaction: stored unless {@code ifNoneExist} names an identifier that a resource of the same
     * type already has (FHIR R4 conditional create, 3.1.0.8.1).
     */
    record ConditionalCreate(Resource resource, Optional<ConditionalReference> ifNoneExist) {
    }

    /** What a create did: the new resource's id, or the id of the one that already had the identifier. */
    record CreateOutcome(IIdType id, boolean created) {
    }

    /** More than one resource has the identifier of a conditional create: FHIR says 412, nothing is stored. */
    static final class AmbiguousIdentifierException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AmbiguousIdentifierException(ConditionalReference reference, int matches) {
            super(matches + " " + reference.resourceType() + " resources have identifier " + reference.system() + "|"
                    + reference.value() + "; ifNoneExist needs at most one");
        }
    }

    /**
     * Stores copies of the resources of one transaction, all or none, under one write lock: two concurrent
     * submissions of the same conditional create (a double click) store it once. Creates in the same list see each
     * other, so a repeated entry is stored once too.
     *
     * @throws AmbiguousIdentifierException when an ifNoneExist matches several stored resources (nothing is stored)
     */
    List<CreateOutcome> createAll(List<ConditionalCreate> creates) {
        return write(() -> {
            Map<String, IIdType> pending = new java.util.HashMap<>();
            List<Resource> toStore = new ArrayList<>();
            List<CreateOutcome> outcomes = new ArrayList<>();
            for (ConditionalCreate create : creates) {
                Optional<IIdType> existing = create.ifNoneExist().flatMap(reference -> {
                    List<String> ids = index.withIdentifier(reference);
                    if (ids.size() > 1) {
                        throw new AmbiguousIdentifierException(reference, ids.size());
                    }
                    return ids.isEmpty() ? Optional.ofNullable(pending.get(reference.indexKey()))
                            : index.find(reference.resourceType(), ids.get(0)).map(r -> r.getIdElement()
                            .withResourceType(r.fhirType()).withVersion(r.getMeta().getVersionId()));
                });
                if (existing.isPresent()) {
                    outcomes.add(new CreateOutcome(existing.get(), false));
                    continue;
                }
                Resource copy = prepared(create.resource());
                IIdType id = copy.getIdElement().withVersion("1");
                StoreIndex.identifiersOf(copy).stream().filter(i -> i.hasValue()).forEach(i -> pending.put(
                        ConditionalReference.indexKey(copy.fhirType(), i.getSystem(), i.getValue()), id));
                toStore.add(copy);
                outcomes.add(new CreateOutcome(id, true));
            }
            toStore.forEach(r -> index.put(r, true));
            return outcomes;
        });
    }

    /** A copy under a fresh UUID id, version 1, last updated now. */
    private static Resource prepared(Resource source) {
        Resource copy = source.copy();
        copy.setIdElement(new IdType(copy.fhirType(), UUID.randomUUID().toString()));
        copy.getMeta().setVersionId("1").setLastUpdatedElement(new InstantType(new Date()));
        return copy;
    }

    /** The stored instance (not a copy): callers must not modify it. */
    Optional<Resource> find(String type, String id) {
        return read(() -> index.find(type, id));
    }

    /** The stored instances of a type (not copies), in load order: callers must not modify them. */
    List<Resource> snapshot(String type) {
        return read(() -> new ArrayList<>(index.ofType(type)));
    }

    /** The stored instances in one patient's compartment (not copies). */
    List<Resource> compartment(String patientId) {
        return read(() -> new ArrayList<>(index.compartment(patientId)));
    }

    /** Number of stored resources per type, for logging and tests. */
    Map<String, Integer> counts() {
        return read(index::counts);
    }

    private <R> R read(Supplier<R> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <R> R write(Supplier<R> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
