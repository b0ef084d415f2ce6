package io.chartlens.fhir;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Resource;

/**
 * What one section's task produced: its status, the resources kept (most recent first) and, for MEDICATIONS, the
 * Medications the server included, keyed {@code Medication/{id}}.
 */
record SectionResult(SectionStatus status, List<Resource> resources, Map<String, Medication> medications) {

    SectionResult {
        resources = List.copyOf(resources);
        medications = Map.copyOf(medications);
    }

    static SectionResult unavailable(RecordSection section, String reason, int requests) {
        return new SectionResult(new SectionStatus(section, SectionStatus.Availability.UNAVAILABLE, reason, requests,
                0), List.of(), Map.of());
    }
}
