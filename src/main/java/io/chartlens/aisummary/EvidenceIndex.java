package io.chartlens.aisummary;

import io.chartlens.fhir.LoadedRecord;
import io.chartlens.fhir.RecordSection;
import io.chartlens.record.FhirDates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * What each resource of one patient's loaded record can support: its reference ({@code Type/id}), its clinical date
 * and the numbers and dates it contains. The {@link StatementVerifier} checks statements against it. Immutable.
 *
 * <p>The numbers of a resource are every decimal and integer element (Quantity values, components, reference ranges,
 * extensions, contained resources) and the numbers in its human-readable strings: {@code display}, {@code text},
 * {@code unit}, string values and a Quantity's {@code code} (so "Metformin 500 MG" and "10*3/uL" support 500, 10 and
 * 3), read by the rule in {@link StatementText}. Identifiers, names, telecom, addresses, contacts, codes, ids,
 * references, narrative and dates are not read for numbers. A MedicationRequest also holds the numbers of the
 * Medication it references when the record included it. Numbers are normalised ({@link StatementText#normalise}):
 * 132, 132.0 and 132.00 are one number.
 */
public final class EvidenceIndex {

    /** Elements never read for numbers: they identify the patient or carry no clinical value. */
    private static final Set<String> SKIPPED = Set.of("identifier", "name", "telecom", "address", "contact", "photo",
            "link", "id", "reference", "url", "system", "fullUrl");
    private static final Set<String> TEXTS = Set.of("display", "text", "unit", "value[x]");

    private final Map<String, Entry> entries;

    private record Entry(LocalDate date, Set<BigDecimal> numbers, Set<LocalDate> dates) {
    }

    private EvidenceIndex(Map<String, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    /** Every resource of the record, every section (available or not) and the included Medications. */
    public static EvidenceIndex of(LoadedRecord loaded) {
        Objects.requireNonNull(loaded, "loaded");
        List<Resource> resources = new ArrayList<>();
        for (RecordSection section : RecordSection.values()) {
            resources.addAll(loaded.resources(section, Resource.class));
        }
        resources.addAll(loaded.medications().values());
        Map<String, Entry> entries = new HashMap<>();
        for (Resource resource : resources) {
            Optional<Resource> medication = resource instanceof MedicationRequest request
                    ? loaded.medication(request).map(Resource.class::cast) : Optional.empty();
            add(entries, resource, medication);
        }
        return new EvidenceIndex(entries);
    }

    /** An index of the given resources alone (a test's or a tool's own resources). */
    static EvidenceIndex ofResources(Collection<? extends Resource> resources) {
        Map<String, Entry> entries = new HashMap<>();
        resources.forEach(r -> add(entries, r, Optional.empty()));
        return new EvidenceIndex(entries);
    }

    /** Whether {@code reference} ({@code Type/id}) is a resource of this record. */
    public boolean contains(String reference) {
        return reference != null && entries.containsKey(reference);
    }

    /**
     * The resource's clinical date: Encounter period start, Condition onset (else recorded date), Observation and
     * DiagnosticReport effective (else issued), MedicationRequest authoredOn, Procedure performed, Immunization
     * occurrence, AllergyIntolerance onset (else recorded date), DocumentReference date. Calendar date as recorded.
     *
     * @return empty when the resource has none (Patient, Medication)
     * @throws IllegalArgumentException when the reference is not in the record
     */
    public Optional<LocalDate> date(String reference) {
        return Optional.ofNullable(entry(reference).date());
    }

    /**
     * The numbers the resource contains, normalised (no sign, no trailing zeros).
     *
     * @throws IllegalArgumentException when the reference is not in the record
     */
    public Set<BigDecimal> numbers(String reference) {
        return entry(reference).numbers();
    }

    /** Whether the resource contains {@code value} (compared normalised). */
    public boolean containsNumber(String reference, BigDecimal value) {
        return entry(reference).numbers().contains(StatementText.normalise(value));
    }

    /**
     * Every calendar date in the resource (any date, dateTime or instant element, as recorded).
     *
     * @throws IllegalArgumentException when the reference is not in the record
     */
    public Set<LocalDate> dates(String reference) {
        return entry(reference).dates();
    }

    /** Every reference in the index. */
    public Set<String> references() {
        return entries.keySet();
    }

    /** The number of resources. */
    public int size() {
        return entries.size();
    }

    private Entry entry(String reference) {
        Entry entry = reference == null ? null : entries.get(reference);
        if (entry == null) {
            throw new IllegalArgumentException("not a resource of this record: " + reference);
        }
        return entry;
    }

    private static void add(Map<String, Entry> entries, Resource resource, Optional<Resource> medication) {
        if (resource == null || !resource.getIdElement().hasIdPart()) {
            return; // cannot be cited
        }
        String reference = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
        if (entries.containsKey(reference)) {
            return; // an Observation in two category sections
        }
        Set<BigDecimal> numbers = new HashSet<>();
        Set<LocalDate> dates = new HashSet<>();
        walk(resource, numbers, dates);
        medication.ifPresent(m -> walk(m, numbers, new HashSet<>()));
        entries.put(reference, new Entry(clinicalDate(resource), Set.copyOf(numbers), Set.copyOf(dates)));
    }

    private static void walk(Base element, Set<BigDecimal> numbers, Set<LocalDate> dates) {
        for (Property property : element.children()) {
            String name = property.getName();
            if (SKIPPED.contains(name)) {
                continue;
            }
            for (Base value : property.getValues()) {
                if (value instanceof DecimalType d) {
                    if (d.getValue() != null) {
                        numbers.add(StatementText.normalise(d.getValue()));
                    }
                } else if (value instanceof IntegerType i) {
                    if (i.getValue() != null) {
                        numbers.add(StatementText.normalise(BigDecimal.valueOf(i.getValue())));
                    }
                } else if (value instanceof BaseDateTimeType dt) {
                    OffsetDateTime when = FhirDates.of(dt);
                    if (when != null) {
                        dates.add(when.toLocalDate());
                    }
                } else if (value instanceof StringType s) {
                    if (TEXTS.contains(name) || (element instanceof Quantity && "code".equals(name))) {
                        numbers.addAll(StatementText.values(s.getValue()));
                    }
                } else if (value != null && !value.isPrimitive() && !(value instanceof Narrative)) {
                    walk(value, numbers, dates);
                }
            }
        }
    }

    private static LocalDate clinicalDate(Resource resource) {
        Type when = null;
        if (resource instanceof Encounter e) {
            when = e.getPeriod().getStartElement();
        } else if (resource instanceof Condition c) {
            when = c.hasOnset() ? c.getOnset() : c.getRecordedDateElement();
        } else if (resource instanceof Observation o) {
            when = o.hasEffective() ? o.getEffective() : o.getIssuedElement();
        } else if (resource instanceof MedicationRequest m) {
            when = m.getAuthoredOnElement();
        } else if (resource instanceof Procedure p) {
            when = p.getPerformed();
        } else if (resource instanceof Immunization i) {
            when = i.getOccurrence();
        } else if (resource instanceof AllergyIntolerance a) {
            when = a.hasOnset() ? a.getOnset() : a.getRecordedDateElement();
        } else if (resource instanceof DiagnosticReport d) {
            when = d.hasEffective() ? d.getEffective() : d.getIssuedElement();
        } else if (resource instanceof DocumentReference d) {
            when = d.hasDate() ? d.getDateElement() : d.getContext().getPeriod().getStartElement();
        }
        if (when instanceof Period period) {
            when = period.getStartElement();
        }
        OffsetDateTime date = when instanceof BaseDateTimeType dt ? FhirDates.of(dt) : null;
        return date == null ? null : date.toLocalDate();
    }
}
