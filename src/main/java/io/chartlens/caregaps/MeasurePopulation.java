package io.chartlens.caregaps;

import java.util.Arrays;
import java.util.Optional;

/** The populations of a proportion measure, by their codes in {@code http://terminology.hl7.org/CodeSystem/measure-population}. */
public enum MeasurePopulation {
    INITIAL_POPULATION("initial-population"),
    DENOMINATOR("denominator"),
    DENOMINATOR_EXCLUSION("denominator-exclusion"),
    DENOMINATOR_EXCEPTION("denominator-exception"),
    NUMERATOR("numerator"),
    NUMERATOR_EXCLUSION("numerator-exclusion");

    public static final String SYSTEM = "http://terminology.hl7.org/CodeSystem/measure-population";

    private final String code;

    MeasurePopulation(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<MeasurePopulation> byCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
