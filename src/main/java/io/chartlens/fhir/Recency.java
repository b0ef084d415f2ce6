package io.chartlens.fhir;

import java.util.Comparator;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Type;

/**
 * Most recent first, by each type's clinical date (the element its R4 {@code date} search parameter reads; for
 * Condition the recorded date, else onset; for MedicationRequest authoredOn). Resources without such a date go last,
 * in the order the server sent them. Every section is ordered this way whether or not the server sorted it, so
 * readers see one order from any EHR.
 */
final class Recency {

    static final Comparator<Resource> MOST_RECENT_FIRST = Comparator.comparing(
            (Resource r) -> clinicalDate(r).orElse(null), Comparator.nullsLast(Comparator.reverseOrder()));

    private Recency() {
    }

    static Optional<Date> clinicalDate(Resource resource) {
        Date date = null;
        if (resource instanceof Encounter e) {
            date = e.getPeriod().getStart();
        } else if (resource instanceof Condition c) {
            date = c.hasRecordedDate() ? c.getRecordedDate() : start(c.getOnset());
        } else if (resource instanceof Observation o) {
            date = o.hasEffective() ? start(o.getEffective()) : o.getIssued();
        } else if (resource instanceof MedicationRequest m) {
            date = m.getAuthoredOn();
        } else if (resource instanceof AllergyIntolerance a) {
            date = a.hasRecordedDate() ? a.getRecordedDate() : start(a.getOnset());
        } else if (resource instanceof Procedure p) {
            date = start(p.getPerformed());
        } else if (resource instanceof Immunization i) {
            date = start(i.getOccurrence());
        } else if (resource instanceof DiagnosticReport d) {
            date = d.hasEffective() ? start(d.getEffective()) : d.getIssued();
        } else if (resource instanceof DocumentReference d) {
            date = d.hasDate() ? d.getDate() : d.getContext().getPeriod().getStart();
        }
        return Optional.ofNullable(date);
    }

    /** The start of a dateTime, Period or instant choice; null for other choices (Age, Range, string). */
    private static Date start(Type value) {
        if (value instanceof BaseDateTimeType dateTime) {
            return dateTime.getValue();
        }
        if (value instanceof Period period) {
            return period.getStart();
        }
        return null;
    }
}
