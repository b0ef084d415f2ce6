package io.chartlens.fhir;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * One patient's record as loaded in one parallel round, read by each feature in its own way. Immutable: the lists and
 * maps cannot be changed (the HAPI resources inside are mutable objects; treat them as read-only, since several
 * features share them). Every section has a {@link SectionStatus}; a feature must show a section that is not
 * COMPLETE as such, because an empty list from an UNAVAILABLE section does not mean "none".
 */
public final class LoadedRecord {

    private final String patientId;
    private final Map<RecordSection, SectionResult> sections;
    private final int extraRequests;
    private final Instant loadedAt;

    /**
     * @param sections      one result for every section
     * @param extraRequests requests outside the sections (a CapabilityStatement fetch this load started)
     */
    LoadedRecord(String patientId, Map<RecordSection, SectionResult> sections, int extraRequests, Instant loadedAt) {
        this.patientId = Objects.requireNonNull(patientId, "patientId");
        EnumMap<RecordSection, SectionResult> copy = new EnumMap<>(RecordSection.class);
        copy.putAll(sections);
        for (RecordSection section : RecordSection.values()) {
            if (!copy.containsKey(section)) {
                throw new IllegalArgumentException("no result for section " + section);
            }
        }
        this.sections = copy;
        this.extraRequests = extraRequests;
        this.loadedAt = Objects.requireNonNull(loadedAt, "loadedAt");
    }

    /** The id the record was loaded for (the launch's {@code patient}). */
    public String patientId() {
        return patientId;
    }

    /** The Patient, or empty when PATIENT is UNAVAILABLE. */
    public Optional<Patient> patient() {
        return resources(RecordSection.PATIENT, Patient.class).stream().findFirst();
    }

    /**
     * A section's resources, most recent first by their clinical date (undated ones last).
     *
     * @param type the section's resource class (or a superclass such as {@code Resource})
     * @return an unmodifiable list; empty when there are none or the section is UNAVAILABLE (see {@link #status})
     * @throws IllegalArgumentException when the section holds another type (for example CONDITIONS as Observation)
     */
    @SuppressWarnings("unchecked") // every element is an instance of the section's class, checked against type
    public <T extends Resource> List<T> resources(RecordSection section, Class<T> type) {
        Class<? extends Resource> held = SectionSearch.typeOf(Objects.requireNonNull(section, "section"));
        if (!type.isAssignableFrom(held)) {
            throw new IllegalArgumentException(section + " holds " + held.getSimpleName() + ", not "
                    + type.getSimpleName());
        }
        return (List<T>) sections.get(section).resources();
    }

    /** The Medications included with the MedicationRequests ({@code _include=MedicationRequest:medication}), keyed
     * {@code Medication/{id}}. Contained Medications are not in this map; use {@link #medication}. */
    public Map<String, Medication> medications() {
        return sections.get(RecordSection.MEDICATIONS).medications();
    }

    /**
     * The Medication a request names by {@code medicationReference}: a contained one ({@code #id}), one the parser
     * already linked, or an included one. Empty for {@code medicationCodeableConcept} (read the code there) and for
     * references the server did not include.
     */
    public Optional<Medication> medication(MedicationRequest request) {
        if (!request.hasMedicationReference()) {
            return Optional.empty();
        }
        Reference reference = request.getMedicationReference();
        if (reference.getResource() instanceof Medication linked) {
            return Optional.of(linked);
        }
        String target = reference.getReference();
        if (target == null || target.isEmpty()) {
            return Optional.empty();
        }
        if (target.startsWith("#")) {
            String local = target.substring(1);
            return request.getContained().stream().filter(Medication.class::isInstance).map(Medication.class::cast)
                    .filter(m -> local.equals(m.getIdElement().getIdPart().replaceFirst("^#", "")))
                    .findFirst();
        }
        IdType id = new IdType(target);
        return "Medication".equals(id.getResourceType())
                ? Optional.ofNullable(medications().get("Medication/" + id.getIdPart())) : Optional.empty();
    }

    public SectionStatus status(RecordSection section) {
        return sections.get(Objects.requireNonNull(section, "section")).status();
    }

    /** Every section's status, in {@link RecordSection} order. */
    public List<SectionStatus> statuses() {
        return sections.values().stream().map(SectionResult::status).toList();
    }

    /** Whether every section is COMPLETE. */
    public boolean complete() {
        return sections.values().stream().allMatch(r -> r.status().complete());
    }

    /** All HTTP requests of this load, retries and a CapabilityStatement fetch included. */
    public int requests() {
        return extraRequests + sections.values().stream().mapToInt(r -> r.status().requests()).sum();
    }

    /**
     * The longest chain of sequential requests: sections run in parallel and each one's pages and retries run one
     * after another, so this is the largest section's request count (the CapabilityStatement fetch runs alongside).
     */
    public int criticalPathRequests() {
        return sections.values().stream().mapToInt(r -> r.status().requests()).max().orElse(0);
    }

    /** When the load finished. */
    public Instant loadedAt() {
        return loadedAt;
    }
}
