package io.chartlens.bundles;

import io.chartlens.caregaps.CareGap;
import io.chartlens.caregaps.CareGapReport;
import io.chartlens.caregaps.CareGapStatus;
import io.chartlens.caregaps.MeasureDefinition;
import io.chartlens.caregaps.MeasurementPeriod;
import io.chartlens.record.Entries.MedicationEntry;
import io.chartlens.record.Measurement;
import io.chartlens.record.PatientRecord;
import io.chartlens.risk.RiskPanel;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Changed copies of real records, and care-gap reports of the real measures with chosen statuses. */
final class Records {

    private Records() {
    }

    static PatientRecord withoutMedications(PatientRecord r, Predicate<MedicationEntry> drop) {
        return new PatientRecord(r.patientId(), r.demographics(), r.referenceDate(), r.measurements(), r.coded(),
                r.observationIssues(), r.problems(), r.medications().stream().filter(drop.negate()).toList(),
                r.allergies(), r.encounters(), r.procedures(), r.immunizations(), r.documents(), r.sections(),
                r.requests(), r.criticalPathRequests(), r.loadedAt());
    }

    /** The record with these measurements as the newest ones. */
    static PatientRecord withLatest(PatientRecord r, List<Measurement> newest) {
        List<Measurement> all = new ArrayList<>(newest);
        all.addAll(r.measurements());
        return new PatientRecord(r.patientId(), r.demographics(), r.referenceDate(), all, r.coded(),
                r.observationIssues(), r.problems(), r.medications(), r.allergies(), r.encounters(), r.procedures(),
                r.immunizations(), r.documents(), r.sections(), r.requests(), r.criticalPathRequests(), r.loadedAt());
    }

    static RiskPanel panel(PatientRecord record) {
        return RiskPanel.of(record, Config.scores(), Config.freshness());
    }

    /** A report in which the named measures have the given status and the others are closed. */
    static CareGapReport gaps(PatientRecord record, CareGapStatus status, String... measureIds) {
        LocalDate day = record.referenceDate().value().atOffset(ZoneOffset.UTC).toLocalDate();
        MeasurementPeriod period = MeasurementPeriod.yearEndingOn(day);
        List<CareGap> gaps = new ArrayList<>();
        for (MeasureDefinition measure : Config.measures().measures()) {
            boolean chosen = List.of(measureIds).contains(measure.id());
            gaps.add(new CareGap(measure, period, chosen ? status : CareGapStatus.CLOSED_GAP,
                    chosen ? Optional.of(day) : Optional.empty(), List.of(), List.of(), List.of()));
        }
        return new CareGapReport(period, gaps, List.of());
    }

    static CareGapReport noGaps(PatientRecord record) {
        return gaps(record, CareGapStatus.OPEN_GAP);
    }
}
