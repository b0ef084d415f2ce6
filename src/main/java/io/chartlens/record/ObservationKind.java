package io.chartlens.record;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * One kind of Observation ChartLens understands, from {@code smart-config/record/observations.json}: the codes that
 * identify it and, for quantities, the canonical UCUM unit its values are converted to.
 *
 * @param kind             lowerCamelCase id, for example {@code systolicBp}; never null
 * @param label            plain English, for example "Systolic BP"; never null
 * @param loinc            LOINC codes (system {@code http://loinc.org}) that identify this kind; never null, may be empty
 * @param snomed           SNOMED CT codes that identify this kind (for kinds LOINC lacks, such as ACVPU); never null
 * @param coded            true when the value is a coded answer ({@code valueCodeableConcept}), false for quantities
 * @param unit             canonical UCUM unit (https://ucum.org/ucum) for quantities; null for coded kinds
 * @param molarMassGPerMol molar mass used to convert substance concentrations (mol/L) to mass concentrations; null
 *                         when the analyte has none configured
 * @param plausible        the physiologically possible range in {@code unit}; null when none is configured
 * @param refusedUnits     units that UCUM could convert but must not be, each with the reason; never null
 */
public record ObservationKind(String kind, String label, Set<String> loinc, Set<String> snomed, boolean coded,
        String unit, BigDecimal molarMassGPerMol, Range plausible, Map<String, String> refusedUnits) {

    public ObservationKind {
        loinc = Set.copyOf(loinc);
        snomed = Set.copyOf(snomed);
        refusedUnits = Map.copyOf(refusedUnits);
    }

    /** True when {@code value} (in {@link #unit()}) lies outside the plausible range; false when no range is set. */
    public boolean outsidePlausibleRange(BigDecimal value) {
        return plausible != null && !plausible.contains(value);
    }

    /**
     * An inclusive range of values in the kind's canonical unit.
     *
     * @param min lowest possible value, never null
     * @param max highest possible value, never null
     */
    public record Range(BigDecimal min, BigDecimal max) {

        public Range {
            if (min.compareTo(max) > 0) {
                throw new IllegalArgumentException("plausible range min " + min + " is above max " + max);
            }
        }

        public boolean contains(BigDecimal value) {
            return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
        }
    }
}
