package io.chartlens.sandbox.fhir;

import java.time.Instant;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;

/**
 * The clinical date of each resource type the sandbox searches, as its {@code date} search parameter defines it
 * (FHIR R4 search parameter registry): Observation.effective[x], Encounter.period, Condition.recordedDate (else
 * onset[x]), Procedure.performed[x], Immunization.occurrence[x], DiagnosticReport.effective[x],
 * DocumentReference.date, MedicationRequest.authoredOn and AllergyIntolerance.recordedDate.
 */
final class ClinicalDates {

    private ClinicalDates() {
    }

    /** The clinical date of a resource, or empty for other types or when the resource carries none. */
    static Optional<DateSpan> of(IBaseResource resource) {
        if (resource instanceof Observation o) {
            return ofType(o.getEffective());
        } else if (resource instanceof Encounter e) {
            return e.hasPeriod() ? ofPeriod(e.getPeriod()) : Optional.empty();
        } else if (resource instanceof Condition c) {
            return c.hasRecordedDate() ? ofDateTime(c.getRecordedDateElement()) : ofType(c.getOnset());
        } else if (resource instanceof Procedure p) {
            return ofType(p.getPerformed());
        } else if (resource instanceof Immunization i) {
            return ofType(i.getOccurrence());
        } else if (resource instanceof DiagnosticReport d) {
            return ofType(d.getEffective());
        } else if (resource instanceof DocumentReference d) {
            return ofDateTime(d.getDateElement());
        } else if (resource instanceof MedicationRequest m) {
            return ofDateTime(m.getAuthoredOnElement());
        } else if (resource instanceof AllergyIntolerance a) {
            return ofDateTime(a.getRecordedDateElement());
        }
        return Optional.empty();
    }

    /** meta.lastUpdated as a span of one instant, for {@code _lastUpdated} and its sort. */
    static Optional<DateSpan> lastUpdated(IBaseResource resource) {
        if (resource instanceof Resource r && r.getMeta().hasLastUpdated()) {
            Instant at = r.getMeta().getLastUpdated().toInstant();
            return Optional.of(new DateSpan(at, at, at));
        }
        return Optional.empty();
    }

    private static Optional<DateSpan> ofType(Type value) {
        if (value instanceof BaseDateTimeType dateTime) {
            return ofDateTime(dateTime);
        } else if (value instanceof Period period) {
            return ofPeriod(period);
        }
        return Optional.empty();
    }

    private static Optional<DateSpan> ofPeriod(Period period) {
        Optional<DateSpan> start = ofDateTime(period.getStartElement());
        Optional<DateSpan> end = ofDateTime(period.getEndElement());
        if (start.isEmpty()) {
            return end;
        }
        Instant endInstant = end.map(DateSpan::end).orElse(null);
        Instant latest = end.map(DateSpan::latest).orElse(start.get().latest());
        return Optional.of(new DateSpan(start.get().start(), endInstant, latest));
    }

    private static Optional<DateSpan> ofDateTime(BaseDateTimeType dateTime) {
        if (dateTime == null || dateTime.getValue() == null) {
            return Optional.empty();
        }
        Instant start = dateTime.getValue().toInstant();
        Instant end = dateTime.getPrecision().add(dateTime.getValue(), 1).toInstant().minusMillis(1);
        return Optional.of(new DateSpan(start, end, start));
    }
}
