package io.chartlens.caregaps;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One measure's care gap for one patient.
 *
 * @param measure     the measure
 * @param period      the measurement period it was evaluated for
 * @param status      the gap status
 * @param dueDate     when the measure next needs action, when it can be computed
 * @param reasons     why the status is what it is, in plain words (for example the exclusion that applies)
 * @param evidence    the FHIR resources behind the status
 * @param memberships population memberships per group (empty when the evaluation failed)
 */
public record CareGap(MeasureDefinition measure, MeasurementPeriod period, CareGapStatus status,
        Optional<LocalDate> dueDate, List<String> reasons, List<Evidence> evidence,
        List<PopulationMembership> memberships) {

    public CareGap {
        reasons = List.copyOf(reasons);
        evidence = List.copyOf(evidence);
        memberships = List.copyOf(memberships);
    }

    static CareGap failed(MeasureDefinition measure, MeasurementPeriod period, String reason) {
        return new CareGap(measure, period, CareGapStatus.FAILED, Optional.empty(), List.of(reason), List.of(),
                List.of());
    }

    public List<Evidence> evidence(Evidence.Role role) {
        return evidence.stream().filter(e -> e.role() == role).toList();
    }

    /** True when the due date has passed on the given day. */
    public boolean overdueOn(LocalDate day) {
        return dueDate.map(d -> d.isBefore(day)).orElse(false);
    }
}
