package io.chartlens.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** qSOFA (Seymour 2016; Sepsis-3, Singer 2016) from smart-config/scores/qsofa.json. */
class QsofaScoreTest {

    private static final QsofaScore SCORE = new QsofaScore(load());
    private static final String POSITIVE = "positive (higher risk of poor outcome)";
    private static final String NEGATIVE = "negative (lower risk; does not exclude sepsis)";

    private static ScoreDefinition load() {
        try {
            return ScoreDefinition.parse(Files.readString(Path.of("smart-config/scores/qsofa.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputValue q(String value, String unit) {
        return new InputValue.Quantity(new BigDecimal(value), unit);
    }

    private static Map<String, InputValue> inputs(String rr, String sbp, Boolean altered) {
        Map<String, InputValue> m = new HashMap<>();
        if (rr != null) {
            m.put("respiratoryRate", q(rr, "/min"));
        }
        if (sbp != null) {
            m.put("systolicBp", q(sbp, "mm[Hg]"));
        }
        if (altered != null) {
            m.put("alteredMentation", new InputValue.Flag(altered));
        }
        m.put("age", q("60", "a"));
        return m;
    }

    private static ScoreResult compute(Map<String, InputValue> m) {
        return SCORE.compute(new ScoreInputs(m));
    }

    @ParameterizedTest(name = "RR {0} -> {1}")
    @CsvSource({"2, 0", "21, 0", "21.9, 0", "22, 1", "23, 1", "80, 1"})
    void respiratoryRateOfTwentyTwoOrMoreScores(String rr, int expected) {
        ScoreResult r = compute(inputs(rr, "120", false));
        assertEquals(ScoreStatus.OK, r.status());
        assertEquals(BigDecimal.valueOf(expected), r.itemScores().get("respiratoryRate"));
        assertEquals(BigDecimal.valueOf(expected), r.value());
    }

    @ParameterizedTest(name = "SBP {0} -> {1}")
    @CsvSource({"20, 1", "99, 1", "100, 1", "100.5, 0", "101, 0", "300, 0"})
    void systolicOfOneHundredOrLessScores(String sbp, int expected) {
        ScoreResult r = compute(inputs("16", sbp, false));
        assertEquals(BigDecimal.valueOf(expected), r.itemScores().get("systolicBp"));
        assertEquals(BigDecimal.valueOf(expected), r.value());
    }

    @ParameterizedTest(name = "altered={0} -> {1}")
    @CsvSource({"true, 1", "false, 0"})
    void alteredMentationScores(boolean altered, int expected) {
        ScoreResult r = compute(inputs("16", "120", altered));
        assertEquals(BigDecimal.valueOf(expected), r.itemScores().get("alteredMentation"));
    }

    @ParameterizedTest(name = "RR {0}, SBP {1}, altered {2} -> {3}")
    @CsvSource({
            "16, 120, false, 0, negative", "22, 120, false, 1, negative", "16, 100, false, 1, negative",
            "16, 120, true, 1, negative", "22, 100, false, 2, positive", "22, 120, true, 2, positive",
            "16, 100, true, 2, positive", "22, 100, true, 3, positive"
    })
    void twoOrMoreIsPositive(String rr, String sbp, boolean altered, int total, String band) {
        ScoreResult r = compute(inputs(rr, sbp, altered));
        assertEquals(ScoreStatus.OK, r.status());
        assertEquals(BigDecimal.valueOf(total), r.value());
        assertNull(r.partial());
        assertEquals(band.equals("positive") ? POSITIVE : NEGATIVE, r.band());
        assertEquals(List.of("respiratoryRate", "systolicBp", "alteredMentation"),
                List.copyOf(r.itemScores().keySet()));
        assertEquals(List.of(), r.warnings());
        assertEquals("points", r.unit());
    }

    @Test
    void missingMentationWithTwoCriteriaMetIsIncompleteWithAnAlreadyPositiveWarning() {
        // The samples have no GCS/ACVPU: a tachypnoeic, hypotensive patient must still be flagged.
        ScoreResult r = compute(inputs("24", "92", null));
        assertEquals(ScoreStatus.INCOMPLETE, r.status());
        assertNull(r.value());
        assertNull(r.band());
        assertEquals(new BigDecimal("2"), r.partial());
        assertEquals(List.of("alteredMentation"), r.missing());
        assertEquals(List.of("already \u22652 with the items present (2 points): at least " + POSITIVE
                + "; the missing items can only add points"), r.warnings());
    }

    @Test
    void missingRespiratoryRateWithTwoCriteriaMetWarnsToo() {
        ScoreResult r = compute(inputs(null, "100", true));
        assertEquals(ScoreStatus.INCOMPLETE, r.status());
        assertEquals(new BigDecimal("2"), r.partial());
        assertEquals(List.of("respiratoryRate"), r.missing());
        assertTrue(r.warnings().get(0).contains("already \u22652 with the items present"));
    }

    @Test
    void missingItemBelowTwoIsIncompleteWithoutWarning() {
        ScoreResult r = compute(inputs("24", "120", null));
        assertEquals(ScoreStatus.INCOMPLETE, r.status());
        assertEquals(new BigDecimal("1"), r.partial());
        assertEquals(Map.of("respiratoryRate", BigDecimal.ONE, "systolicBp", BigDecimal.ZERO), r.itemScores());
        assertEquals(List.of("alteredMentation"), r.missing());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void nothingPresentIsIncompleteWithZeroPartial() {
        ScoreResult r = compute(inputs(null, null, null));
        assertEquals(ScoreStatus.INCOMPLETE, r.status());
        assertEquals(BigDecimal.ZERO, r.partial());
        assertEquals(List.of("respiratoryRate", "systolicBp", "alteredMentation"), r.missing());
    }

    @ParameterizedTest(name = "{0} {1} {2} is invalid")
    @CsvSource({
            "respiratoryRate, -1, /min", "respiratoryRate, 1, /min", "respiratoryRate, 81, /min",
            "systolicBp, 19, mm[Hg]", "systolicBp, 301, mm[Hg]", "age, 131, a"
    })
    void impossibleValuesAreInvalid(String item, String value, String unit) {
        Map<String, InputValue> m = inputs("16", "120", false);
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
    void wrongUnitOrTypeIsInvalid() {
        Map<String, InputValue> m = inputs("16", "120", false);
        m.put("systolicBp", q("16", "kPa"));
        m.put("alteredMentation", new InputValue.Choice("V"));
        ScoreResult r = compute(m);
        assertEquals(ScoreStatus.INVALID_INPUT, r.status());
        assertEquals(List.of("systolicBp is in 'kPa', expected 'mm[Hg]'", "alteredMentation must be a yes/no flag"),
                r.warnings());
    }

    @Test
    void childrenAreNotApplicable() {
        Map<String, InputValue> m = inputs("30", "90", true);
        m.put("age", q("17", "a"));
        ScoreResult r = compute(m);
        assertEquals(ScoreStatus.NOT_APPLICABLE, r.status());
        assertNull(r.value());
        assertEquals(List.of("qSOFA was derived in adults (18 years or older, Seymour 2016); age is 17"),
                r.warnings());
        m.put("age", q("18", "a"));
        assertEquals(new BigDecimal("3"), compute(m).value());
    }

    @Test
    void missingAgeStillScoresWithAWarning() {
        Map<String, InputValue> m = inputs("16", "120", false);
        m.remove("age");
        ScoreResult r = compute(m);
        assertEquals(ScoreStatus.OK, r.status());
        assertEquals(List.of("Age not given: qSOFA applies to adults aged 18 or over"), r.warnings());
    }
}
