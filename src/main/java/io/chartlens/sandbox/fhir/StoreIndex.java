package io.chartlens.sandbox.fhir;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * The store's maps: resources by type and id (in load order), by patient compartment, and the identifiers of
 * the resources that conditional references and conditional creates point at (the shared types, Patients, and the
 * draft orders: ServiceRequest, MedicationRequest, Task). Not thread-safe: {@link SandboxStore} guards it.
 */
final class StoreIndex {

    private final Map<String, Map<String, Resource>> byType = new HashMap<>();
    private final Map<String, List<Resource>> byPatient = new HashMap<>();
    private final Map<String, List<String>> identifiers = new HashMap<>();

    /**
     * @param replace true to replace a resource with the same type and id; false to keep the first one loaded
     *                (shared resources such as Organizations recur in many sample bundles)
     * @return true when the resource was stored
     */
    boolean put(Resource resource, boolean replace) {
        String type = resource.fhirType();
        String id = resource.getIdElement().getIdPart();
        Map<String, Resource> ofType = byType.computeIfAbsent(type, t -> new LinkedHashMap<>());
        Resource previous = ofType.get(id);
        if (previous != null && !replace) {
            return false;
        }
        ofType.put(id, resource);
        if (previous != null) {
            SearchProfiles.patientIdOf(previous).ifPresent(p -> byPatient.get(p).remove(previous));
        }
        SearchProfiles.patientIdOf(resource)
                .ifPresent(p -> byPatient.computeIfAbsent(p, k -> new ArrayList<>()).add(resource));
        for (Identifier identifier : identifiersOf(resource)) {
            if (identifier.hasValue()) {
                String key = ConditionalReference.indexKey(type, identifier.getSystem(), identifier.getValue());
                List<String> ids = identifiers.computeIfAbsent(key, k -> new ArrayList<>(1));
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        return true;
    }

    boolean contains(String type, String id) {
        return byType.getOrDefault(type, Map.of()).containsKey(id);
    }

    Optional<Resource> find(String type, String id) {
        return Optional.ofNullable(byType.getOrDefault(type, Map.of()).get(id));
    }

    Collection<Resource> ofType(String type) {
        return byType.getOrDefault(type, Map.of()).values();
    }

    List<Resource> compartment(String patientId) {
        return byPatient.getOrDefault(patientId, List.of());
    }

    /** The ids of the resources of the reference's type that carry its identifier, in load order. */
    List<String> withIdentifier(ConditionalReference reference) {
        return List.copyOf(identifiers.getOrDefault(reference.indexKey(), List.of()));
    }

    /** The id of the one loaded resource with this identifier, or empty when none or several match. */
    Optional<String> resolve(ConditionalReference reference) {
        List<String> ids = identifiers.getOrDefault(reference.indexKey(), List.of());
        return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
    }

    Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        byType.forEach((type, resources) -> counts.put(type, resources.size()));
        return counts;
    }

    static List<Identifier> identifiersOf(Resource resource) {
        if (resource instanceof Practitioner p) {
            return p.getIdentifier();
        } else if (resource instanceof Organization o) {
            return o.getIdentifier();
        } else if (resource instanceof Location l) {
            return l.getIdentifier();
        } else if (resource instanceof PractitionerRole r) {
            return r.getIdentifier();
        } else if (resource instanceof Patient p) {
            return p.getIdentifier();
        } else if (resource instanceof ServiceRequest r) {
            return r.getIdentifier();
        } else if (resource instanceof MedicationRequest m) {
            return m.getIdentifier();
        } else if (resource instanceof Task t) {
            return t.getIdentifier();
        }
        return List.of();
    }
}
