package io.chartlens.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CURB-65 (Lim WS et al. Thorax 2003;58:377-82) from smart-config/scores/curb65.json. */
class Curb65ScoreTest {

    private static final Curb65Score SCORE = new Curb65Score(load());
    private static final String LOW = "low (consider home treatment)";
    private static final String MODERATE = "moderate (consider hospital-supervised treatment)";
    private static final String HIGH = "high (severe pneumonia: manage in hospital)";
    private static final String HIGH_ICU = "high (severe pneumonia: manage in hospital, assess for ICU)";

    private static ScoreDefinition load() {
        try {
            return ScoreDefinition.parse(Files.readString(Path.of("smart-config/scores/curb65.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputValue q(String value, String unit) {
        return new InputValue.Quantity(new BigDecimal(value), unit);
    }

    /** Complete and scoring 0: not confused, BUN 14 mg/dL (5 mmol/L urea), RR 18, BP 130/80, age 50. */
    private static Map<String, InputValue> normal() {
        Map<String, InputValue> m = new HashMap<>();
        m.put("confusion", new InputValue.Flag(false));
        m.put("bloodUreaNitrogen", q("14", "mg/dL"));
        m.put("respiratoryRate", q("18", "/min"));
        m.put("systolicBp", q("130", "mm[Hg]"));
        m.put("diastolicBp", q("80", "mm[Hg]"));
        m.put("age", q("50", "a"));
        return m;
    }

    private static ScoreResult compute(Map<String, InputValue> m) {
        return SCORE.compute(new ScoreInputs(m));
    }

    private static BigDecimal n(String v) {
        return new BigDecimal(v);
    }

    @Test
    void normalFindingsScoreZeroAndLow() {
        ScoreResult r = compute(normal());
        assertEquals(ScoreStatus.OK, r.status());
        assertEquals(n("0"), r.value());
        assertEquals(LOW, r.band());
        assertEquals(List.of("confusion", "bloodUreaNitrogen", "respiratoryRate", "bloodPressure", "age"),
                List.copyOf(r.itemScores().keySet()));
        assertEquals(List.of(), r.missing());
        assertEquals(List.of(), r.warnings());
        assertEquals("points", r.unit());
        assertTrue(r.source().startsWith("Lim WS"));
    }

    @ParameterizedTest(name = "confusion={0} -> {1}")
    @CsvSource({"true, 1", "false, 0"})
    void confusionScores(boolean confused, int expected) {
        Map<String, InputValue> m = normal();
        m.put("confusion", new InputValue.Flag(confused));
        assertEquals(BigDecimal.valueOf(expected), compute(m).itemScores().get("confusion"));
    }

    // Urea > 7 mmol/L = BUN > 7 x 2.8014 = 19.6098 mg/dL.
    @ParameterizedTest(name = "BUN {0} mg/dL -> {1}")
    @CsvSource({
            "19, 0", "19.6, 0", "19.6098, 0", "19.60980000001, 0", "19.61, 1", "20, 1", "1, 0", "300, 1",
            // urea 7.0 and 7.1 mmol/L as UCUM converts them with the urea-nitrogen molar mass 28.014 g/mol
            "19.6098, 0", "19.88994, 1"
    })
    void ureaAboveSevenMmolPerLitreScores(String bun, int expected) {
        Map<String, InputValue> m = normal();
        m.put("bloodUreaNitrogen", q(bun, "mg/dL"));
        ScoreResult r = compute(m);
        assertEquals(BigDecimal.valueOf(expected), r.itemScores().get("bloodUreaNitrogen"));
        assertEquals(BigDecimal.valueOf(expected), r.value());
    }

    @ParameterizedTest(name = "RR {0} -> {1}")
    @CsvSource({"29, 0", "29.9, 0", "30, 1", "31, 1"})
    void respiratoryRateOfThirtyOrMoreScores(String rr, int expected) {
        Map<String, InputValue> m = normal();
        m.put("respiratoryRate", q(rr, "/min"));
        assertEquals(BigDecimal.valueOf(expected), compute(m).itemScores().get("respiratoryRate"));
    }

    @ParameterizedTest(name = "BP {0}/{1} -> {2}")
    @CsvSource({
            "89, 70, 1", "90, 70, 0", "91, 70, 0", "89.9, 70, 1",
            "120, 61, 0", "120, 60, 1", "120, 59, 1", "90, 61, 0", "85, 55, 1"
    })
    void lowSystolicOrDiastolicScoresOnePoint(String sbp, String dbp, int expected) {
        Map<String, InputValue> m = normal();
        m.put("systolicBp", q(sbp, "mm[Hg]"));
        m.put("diastolicBp", q(dbp, "mm[Hg]"));
        ScoreResult r = compute(m);
        assertEquals(ScoreStatus.OK, r.status());
        assertEquals(BigDecimal.valueOf(expected), r.itemScores().get("bloodPressure"));
        assertEquals(BigDecimal.valueOf(expected), r.value());
    }

    @ParameterizedTest(name = "age {0} -> {1}")
    @CsvSource({"18, 0", "64, 0", "64.99, 0", "65, 1", "66, 1", "108, 1"})
    void ageSixtyFiveOrMoreScores(String age, int expected) {
        Map<String, InputValue> m = normal();
        m.put("age", q(age, "a"));
        assertEquals(BigDecimal.valueOf(expected), compute(m).itemScores().get("age"));
    }

    @ParameterizedTest(name = "total {0} -> {1}")
    @CsvSource({"0, LOW", "1, LOW", "2, MODERATE", "3, HIGH", "4, HIGH_ICU", "5, HIGH_ICU"})
    void bandsFollowLimManagementGroups(int total, String band) {
        Map<String, InputValue> m = normal();
        // add criteria one at a time: age, confusion, urea, respiratory rate, blood pressure
        if (total >= 1) {
            m.put("age", q("70", "a"));
        }
        if (total >= 2) {
            m.put("confusion", new InputValue.Flag(true));
        }
        if (total >= 3) {
            m.put("bloodUreaNitrogen", q("25", "mg/dL"));
        }
        if (total >= 4) {
            m.put("respiratoryRate", q("32", "/min"));
        }
        if (total >= 5) {
            m.put("systolicBp", q("85", "mm[Hg]"));
        }
        ScoreResult r = compute(m);
        assertEquals(ScoreStatus.OK, r.status());
        assertEquals(BigDecimal.valueOf(total), r.value());
        assertEquals(Map.of("LOW", LOW, "MODERATE", MODERATE, "HIGH", HIGH, "HIGH_ICU", HIGH_ICU).get(band), r.band());
    }

    @Test
    void lowSystolicScoresEvenWhenDiastolicIsMissing() {
        Map<String, InputValue> m = normal();
        m.remove("diastolicBp");
        m.put("systolicBp", q("85", "mm[Hg]"));
        ScoreResult r = compute(m);
        assertEquals(ScoreStatus.OK, r.status());
        assertEquals(n("1"), r.value());
        assertEquals(List.of(), r.missing());
    }

    @Test
    void lowDiastolicScoresEvenWhenSystolicIsMissing() {
        Map<String, InputValue> m = normal();
        m.remove("systolicBp");
        m.put("diastolicBp", q("58", "mm[Hg]"));
        ScoreResult r = compute(m);
        assertEquals(ScoreStatus.OK, r.status());
        assertEquals(n("1"), r.itemScores().get("bloodPressure"));
    }

    @Test
    void normalSystolicWithoutDiastolicIsIncomplete() {
        Map<String, InputValue> m = normal();
        m.remove("diastolicBp");
        ScoreResult r = compute(m);
        assertEquals(ScoreStatus.INCOMPLETE, r.status());
        assertNull(r.value());
        assertNull(r.band());
        assertEquals(n("0"), r.partial());
        assertFalse(r.itemScores().containsKey("bloodPressure"));
        assertEquals(List.of("diastolicBp"), r.missing());
    }

    @Test
    void missingLabsAndMentationIsIncompleteWithPartialAndFloorWarning() {
        // Typical of the samples: vital signs and age, no confusion assessment, no urea.
        Map<String, InputValue> m = normal();
        m.remove("confusion");
        m.remove("bloodUreaNitrogen");
        m.put("age", q("81", "a"));
        m.put("respiratoryRate", q("30", "/min"));
        ScoreResult r = compute(m);
        assertEquals(ScoreStatus.INCOMPLETE, r.status());
        assertEquals(n("2"), r.partial());
        assertEquals(List.of("confusion", "bloodUreaNitrogen"), r.missing());
        assertEquals(Map.of("respiratoryRate", n("1"), "bloodPressure", n("0"), "age", n("1")), r.itemScores());
        assertEquals(List.of("already \u22652 with the items present (2 points): at least " + MODERATE
                + "; the missing items can only add points"), r.warnings());

        m.put("diastolicBp", q("60", "mm[Hg]"));
        assertEquals(List.of("already \u22653 with the items present (3 points): at least " + HIGH
                + "; the missing items can only add points"), compute(m).warnings());
    }

    @Test
    void nothingPresentListsEveryInput() {
        ScoreResult r = compute(Map.of());
        assertEquals(ScoreStatus.INCOMPLETE, r.status());
        assertEquals(n("0"), r.partial());
        assertEquals(List.of("confusion", "bloodUreaNitrogen", "respiratoryRate", "systolicBp", "diastolicBp", "age"),
                r.missing());
        assertEquals(List.of(), r.warnings());
    }

    @ParameterizedTest(name = "{0} {1} {2} is invalid")
    @CsvSource({
            "bloodUreaNitrogen, 0.5, mg/dL", "bloodUreaNitrogen, 301, mg/dL", "respiratoryRate, -1, /min",
            "respiratoryRate, 81, /min", "systolicBp, 19, mm[Hg]", "diastolicBp, 9, mm[Hg]", "age, -1, a",
            "age, 131, a"
    })
    void impossibleValuesAreInvalid(String item, String value, String unit) {
        Map<String, InputValue> m = normal();
        m.put(item, q(value, unit));
        ScoreResult r = compute(m);
        assertEquals(ScoreStatus.INVALID_INPUT, r.status());
        assertNull(r.value());
        assertNull(r.partial());
        assertTrue(r.itemScores().isEmpty());
        assertTrue(r.warnings().get(0).startsWith(item + " " + value + " " + unit + " is not physiologically possible"),
                r.warnings().get(0));
    }

    @Test
    void diastolicNotBelowSystolicIsInvalid() {
        Map<String, InputValue> m = normal();
        m.put("systolicBp", q("80", "mm[Hg]"));
        m.put("diastolicBp", q("80", "mm[Hg]"));
        ScoreResult r = compute(m);
        assertEquals(ScoreStatus.INVALID_INPUT, r.status());
        assertEquals(List.of("diastolicBp 80 mm[Hg] is not below systolicBp 80 mm[Hg]: not a possible blood pressure"),
                r.warnings());
    }

    @Test
    void ureaInMillimolesIsRejectedNotMisread() {
        Map<String, InputValue> m = normal();
        m.put("bloodUreaNitrogen", q("8", "mmol/L"));
        ScoreResult r = compute(m);
        assertEquals(ScoreStatus.INVALID_INPUT, r.status());
        assertEquals(List.of("bloodUreaNitrogen is in 'mmol/L', expected 'mg/dL'"), r.warnings());
    }

    @Test
    void childrenAreNotApplicable() {
        Map<String, InputValue> m = normal();
        m.put("age", q("17", "a"));
        ScoreResult r = compute(m);
        assertEquals(ScoreStatus.NOT_APPLICABLE, r.status());
        assertEquals(List.of("CURB-65 was derived in adults with community-acquired pneumonia; age is 17 (under 18)"),
                r.warnings());
    }

    @Test
    void elderlySepticPneumoniaExampleScoresFour() {
        // Illustration: 78-year-old, newly confused, urea 9 mmol/L (BUN 25.2 mg/dL), RR 24, BP 100/65:
        // C 1 + U 1 + R 0 + B 0 + 65 1 = 3 -> severe; with BP 88/50 -> 4, assess for ICU (Lim 2003 groups).
        Map<String, InputValue> m = normal();
        m.put("confusion", new InputValue.Flag(true));
        m.put("bloodUreaNitrogen", q("25.2", "mg/dL"));
        m.put("respiratoryRate", q("24", "/min"));
        m.put("systolicBp", q("100", "mm[Hg]"));
        m.put("diastolicBp", q("65", "mm[Hg]"));
        m.put("age", q("78", "a"));
        assertEquals(n("3"), compute(m).value());
        assertEquals(HIGH, compute(m).band());
        m.put("systolicBp", q("88", "mm[Hg]"));
        m.put("diastolicBp", q("50", "mm[Hg]"));
        assertEquals(n("4"), compute(m).value());
        assertEquals(HIGH_ICU, compute(m).band());
    }
}
