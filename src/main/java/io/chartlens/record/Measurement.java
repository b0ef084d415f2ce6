package io.chartlens.record;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One quantitative Observation value (or one component of a panel such as blood pressure), converted to its kind's
 * canonical UCUM unit.
 *
 * @param kind                  the {@link ObservationKind#kind()} id, for example {@code systolicBp}; never null
 * @param label                 plain English, for example "Systolic BP"; never null
 * @param value                 in {@code unit}; never null
 * @param unit                  the kind's canonical UCUM unit, for example {@code mm[Hg]}; never null
 * @param effective             when the value was true for the patient; never null
 * @param dateSource            which element {@code effective} came from; never null
 * @param source                {@code Observation/{id}}; never null
 * @param originalValue         the value as recorded; never null
 * @param originalUnit          the unit as recorded (the quantity's code, else its unit text); never null
 * @param outsidePlausibleRange true when the value lies outside the kind's physiologically possible range. Always
 *                              false for values from {@link ObservationReader}, which reports such values as issues
 *                              instead of returning them.
 */
public record Measurement(String kind, String label, BigDecimal value, String unit, OffsetDateTime effective,
        DateSource dateSource, String source, BigDecimal originalValue, String originalUnit,
        boolean outsidePlausibleRange) {

    /** The Observation element a date was taken from, in order of preference (FHIR R4 Observation.effective[x]). */
    public enum DateSource {
        EFFECTIVE_DATE_TIME,
        EFFECTIVE_INSTANT,
        EFFECTIVE_PERIOD_START,
        /** {@code Observation.issued}: when the result was released, used only when no effective time is given. */
        ISSUED
    }

    /** The value with its unit, for example "120 mm[Hg]". */
    public String display() {
        return value.toPlainString() + " " + unit;
    }
}
