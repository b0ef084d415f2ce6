package io.chartlens.aisummary;

import io.chartlens.record.Demographics;
import io.chartlens.record.Measurement;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;

/**
 * Whether a laboratory value is abnormal. The record's own word comes first: the Observation's interpretation
 * (HL7 v3 ObservationInterpretation: H, HH, HU, L, LL, LU, A, AA, N), then its referenceRange when it is in the
 * recorded unit. Without either, the value is compared with a usual adult interval for its kind, in the kind's
 * canonical unit (smart-config/record/observations.json):
 * <ul>
 *     <li>lipids, the NCEP ATP III classification (JAMA 2001;285:2486): total cholesterol high from 240 mg/dL, LDL
 *     high from 160, triglycerides high from 200, HDL low below 40;</li>
 *     <li>HbA1c above 5.6 % (ADA Standards of Care 2024, section 2: 5.7 % and over is prediabetes or diabetes);</li>
 *     <li>eGFR below 60 mL/min/1.73 m2 (KDIGO 2012 CKD guideline, category G3a and worse);</li>
 *     <li>the common adult reference intervals of general chemistry and blood counts (creatinine up to 1.3 mg/dL,
 *     sodium 135-145 and potassium 3.5-5.0 mmol/L, fasting glucose 70-99 and urea nitrogen 7-20 mg/dL, platelets
 *     150-450 and white cells 4.0-11.0 10*3/uL, haemoglobin 13.5-17.5 g/dL in men and 12.0-15.5 in women).</li>
 * </ul>
 * These intervals are defaults for a summary's emphasis, not diagnostic limits; a laboratory's own interval wins.
 * They belong with the other observation settings in smart-config once that file carries reference intervals.
 */
final class LabFlags {

    /** The direction of an abnormal value. */
    enum Flag {
        HIGH("high"), LOW("low"), ABNORMAL("abnormal");

        final String word;

        Flag(String word) {
            this.word = word;
        }
    }

    private record Interval(BigDecimal low, BigDecimal high) {
        static Interval of(String low, String high) {
            return new Interval(low == null ? null : new BigDecimal(low), high == null ? null : new BigDecimal(high));
        }

        Optional<Flag> flag(BigDecimal value) {
            if (low != null && value.compareTo(low) < 0) {
                return Optional.of(Flag.LOW);
            }
            if (high != null && value.compareTo(high) > 0) {
                return Optional.of(Flag.HIGH);
            }
            return Optional.empty();
        }
    }

    private static final Map<String, Interval> ADULT = Map.ofEntries(
            Map.entry("totalCholesterol", Interval.of(null, "239")),
            Map.entry("ldlCholesterol", Interval.of(null, "159")),
            Map.entry("hdlCholesterol", Interval.of("40", null)),
            Map.entry("triglycerides", Interval.of(null, "199")),
            Map.entry("hba1c", Interval.of(null, "5.6")),
            Map.entry("egfr", Interval.of("60", null)),
            Map.entry("creatinine", Interval.of(null, "1.3")),
            Map.entry("sodium", Interval.of("135", "145")),
            Map.entry("potassium", Interval.of("3.5", "5.0")),
            Map.entry("glucose", Interval.of("70", "99")),
            Map.entry("bloodUreaNitrogen", Interval.of("7", "20")),
            Map.entry("plateletCount", Interval.of("150", "450")),
            Map.entry("whiteBloodCellCount", Interval.of("4.0", "11.0")),
            Map.entry("hemoglobin", Interval.of("12.0", "17.5")));
    private static final Interval HEMOGLOBIN_MALE = Interval.of("13.5", "17.5");
    private static final Interval HEMOGLOBIN_FEMALE = Interval.of("12.0", "15.5");

    private LabFlags() {
    }

    /** Whether the kind is a laboratory test this class judges. */
    static boolean isLab(String kind) {
        return ADULT.containsKey(kind);
    }

    /**
     * The value's flag, or empty when it is normal.
     *
     * @param raw the Observation the value comes from, or null when it is not at hand
     */
    static Optional<Flag> flag(Measurement m, Observation raw, Demographics.Sex sex) {
        if (raw != null) {
            for (CodeableConcept interpretation : raw.getInterpretation()) {
                for (Coding coding : interpretation.getCoding()) {
                    Optional<Optional<Flag>> read = interpretation(coding.getCode());
                    if (read.isPresent()) {
                        return read.get();
                    }
                }
            }
            for (Observation.ObservationReferenceRangeComponent range : raw.getReferenceRange()) {
                if ((range.hasLow() || range.hasHigh()) && sameUnit(range.getLow(), m) && sameUnit(range.getHigh(), m)) {
                    return new Interval(range.hasLow() ? range.getLow().getValue() : null,
                            range.hasHigh() ? range.getHigh().getValue() : null).flag(m.originalValue());
                }
            }
        }
        Interval interval = "hemoglobin".equals(m.kind()) && sex == Demographics.Sex.MALE ? HEMOGLOBIN_MALE
                : "hemoglobin".equals(m.kind()) && sex == Demographics.Sex.FEMALE ? HEMOGLOBIN_FEMALE
                : ADULT.get(m.kind());
        return interval == null ? Optional.empty() : interval.flag(m.value());
    }

    /** An interpretation code read: a flag, "normal" (an empty flag), or not a code this reads (empty). */
    private static Optional<Optional<Flag>> interpretation(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return switch (code) {
            case "H", "HH", "HU", ">" -> Optional.of(Optional.of(Flag.HIGH));
            case "L", "LL", "LU", "<" -> Optional.of(Optional.of(Flag.LOW));
            case "A", "AA" -> Optional.of(Optional.of(Flag.ABNORMAL));
            case "N" -> Optional.of(Optional.empty());
            default -> Optional.empty();
        };
    }

    /** A bound is comparable with the recorded value when it is absent or has the recorded unit. */
    private static boolean sameUnit(Quantity bound, Measurement m) {
        if (bound == null || bound.isEmpty()) {
            return true;
        }
        if (!bound.hasValue()) {
            return false;
        }
        String unit = bound.hasCode() ? bound.getCode() : bound.getUnit();
        return unit == null || unit.equals(m.originalUnit());
    }
}
