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

/** NEWS2 against RCP 2017 chart 1 and its thresholds-and-triggers table, from smart-config/scores/news2.json. */
class News2ScoreTest {

    private static final News2Score SCORE = new News2Score(load());
    private static final String SCALE_1_WARNING = "SpO2 scale 1 used: no record of hypercapnic respiratory failure";
    private static final String SCALE_2_WARNING = "SpO2 scale 2 used because hypercapnic respiratory failure is recorded";

    private static ScoreDefinition load() {
        try {
            return ScoreDefinition.parse(Files.readString(Path.of("smart-config/scores/news2.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputValue q(String value, String unit) {
        return new InputValue.Quantity(new BigDecimal(value), unit);
    }

    /** A complete, normal set: every item scores 0 on scale 1, on air, alert. */
    private static Map<String, InputValue> normal() {
        Map<String, InputValue> m = new HashMap<>();
        m.put("respiratoryRate", q("16", "/min"));
        m.put("oxygenSaturation", q("97", "%"));
        m.put("hypercapnicRespiratoryFailure", new InputValue.Flag(false));
        m.put("onSupplementalOxygen", new InputValue.Flag(false));
        m.put("systolicBp", q("120", "mm[Hg]"));
        m.put("heartRate", q("70", "/min"));
        m.put("acvpu", new InputValue.Choice("A"));
        m.put("bodyTemperature", q("37.0", "Cel"));
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
    void normalObservationsScoreZeroAndLow() {
        ScoreResult r = compute(normal());
        assertEquals(ScoreStatus.OK, r.status());
        assertEquals(n("0"), r.value());
        assertNull(r.partial());
        assertEquals("low (continue routine NEWS monitoring)", r.band());
        assertEquals("points", r.unit());
        assertEquals(List.of("respiratoryRate", "oxygenSaturation", "onSupplementalOxygen", "systolicBp", "heartRate",
                "acvpu", "bodyTemperature"), List.copyOf(r.itemScores().keySet()));
        assertEquals(List.of(), r.missing());
        assertEquals(List.of(), r.warnings());
        assertEquals("news2", r.id());
        assertEquals("1.0.0", r.version());
        assertTrue(r.source().startsWith("Royal College of Physicians"));
    }

    // Chart 1, every boundary of every quantity item (charted whole numbers; temperature to 0.1 Cel).
    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            "respiratoryRate, 2, /min, 3", "respiratoryRate, 8, /min, 3", "respiratoryRate, 9, /min, 1",
            "respiratoryRate, 11, /min, 1", "respiratoryRate, 12, /min, 0", "respiratoryRate, 20, /min, 0",
            "respiratoryRate, 21, /min, 2", "respiratoryRate, 24, /min, 2", "respiratoryRate, 25, /min, 3",
            "respiratoryRate, 80, /min, 3",
            "oxygenSaturation, 30, %, 3", "oxygenSaturation, 91, %, 3", "oxygenSaturation, 92, %, 2",
            "oxygenSaturation, 93, %, 2", "oxygenSaturation, 94, %, 1", "oxygenSaturation, 95, %, 1",
            "oxygenSaturation, 96, %, 0", "oxygenSaturation, 100, %, 0",
            "systolicBp, 20, mm[Hg], 3", "systolicBp, 90, mm[Hg], 3", "systolicBp, 91, mm[Hg], 2",
            "systolicBp, 100, mm[Hg], 2", "systolicBp, 101, mm[Hg], 1", "systolicBp, 110, mm[Hg], 1",
            "systolicBp, 111, mm[Hg], 0", "systolicBp, 219, mm[Hg], 0", "systolicBp, 220, mm[Hg], 3",
            "heartRate, 40, /min, 3", "heartRate, 41, /min, 1", "heartRate, 50, /min, 1", "heartRate, 51, /min, 0",
            "heartRate, 90, /min, 0", "heartRate, 91, /min, 1", "heartRate, 110, /min, 1", "heartRate, 111, /min, 2",
            "heartRate, 130, /min, 2", "heartRate, 131, /min, 3",
            "bodyTemperature, 35.0, Cel, 3", "bodyTemperature, 35.1, Cel, 1", "bodyTemperature, 36.0, Cel, 1",
            "bodyTemperature, 36.1, Cel, 0", "bodyTemperature, 38.0, Cel, 0", "bodyTemperature, 38.1, Cel, 1",
            "bodyTemperature, 39.0, Cel, 1", "bodyTemperature, 39.1, Cel, 2", "bodyTemperature, 25, Cel, 3",
            "bodyTemperature, 45, Cel, 2"
    })
    void scoresEachBoundaryOfChart1(String item, String value, String unit, int expected) {
        Map<String, InputValue> m = normal();
        m.put(item, q(value, unit));
        ScoreResult r = compute(m);
        assertEquals(ScoreStatus.OK, r.status());
        assertEquals(BigDecimal.valueOf(expected), r.itemScores().get(item));
        assertEquals(BigDecimal.valueOf(expected), r.value());
    }

    // Chart 1, SpO2 scale 2 (hypercapnic respiratory failure): 93 % or more scores 0 on air, 1/2/3 on oxygen.
    @ParameterizedTest(name = "scale 2: {0} % on oxygen={1} -> SpO2 {2}")
    @CsvSource({
            "83, false, 3", "84, false, 2", "85, false, 2", "86, false, 1", "87, false, 1", "88, false, 0",
            "92, false, 0", "93, false, 0", "97, false, 0", "100, false, 0",
            "83, true, 3", "87, true, 1", "88, true, 0", "92, true, 0", "93, true, 1", "94, true, 1", "95, true, 2",
            "96, true, 2", "97, true, 3", "100, true, 3"
    })
    void scale2ScoresHighSaturationByOxygenStatus(String spo2, boolean onOxygen, int expected) {
        Map<String, InputValue> m = normal();
        m.put("hypercapnicRespiratoryFailure", new InputValue.Flag(true));
        m.put("onSupplementalOxygen", new InputValue.Flag(onOxygen));
        m.put("oxygenSaturation", q(spo2, "%"));
        ScoreResult r = compute(m);
        assertEquals(ScoreStatus.OK, r.status());
        assertEquals(BigDecimal.valueOf(expected), r.itemScores().get("oxygenSaturation"));
        assertEquals(BigDecimal.valueOf(expected + (onOxygen ? 2 : 0)), r.value());
        assertEquals(List.of(SCALE_2_WARNING), r.warnings());
    }

    @Test
    void scale1IsUsedForTheSameSaturationWithoutHypercapnicFailure() {
        // 88 % on scale 1 scores 3; the same 88 % scores 0 on scale 2 (chart 1).
        Map<String, InputValue> m = normal();
        m.put("oxygenSaturation", q("88", "%"));
        assertEquals(n("3"), compute(m).itemScores().get("oxygenSaturation"));
        m.put("hypercapnicRespiratoryFailure", new InputValue.Flag(true));
        assertEquals(n("0"), compute(m).itemScores().get("oxygenSaturation"));
    }

    @Test
    void absentHypercapnicFlagUsesScale1WithAWarning() {
        Map<String, InputValue> m = normal();
        m.remove("hypercapnicRespiratoryFailure");
        m.put("oxygenSaturation", q("93", "%"));
        ScoreResult r = compute(m);
        assertEquals(ScoreStatus.OK, r.status());
        assertEquals(n("2"), r.itemScores().get("oxygenSaturation"));
        assertEquals(List.of(SCALE_1_WARNING), r.warnings());
        assertEquals(List.of(), r.missing());
    }

    @ParameterizedTest(name = "oxygen={0} -> {1}")
    @CsvSource({"true, 2", "false, 0"})
    void supplementalOxygenScoresTwo(boolean onOxygen, int expected) {
        Map<String, InputValue> m = normal();
        m.put("onSupplementalOxygen", new InputValue.Flag(onOxygen));
        ScoreResult r = compute(m);
        assertEquals(BigDecimal.valueOf(expected), r.itemScores().get("onSupplementalOxygen"));
        assertEquals(BigDecimal.valueOf(expected), r.value());
    }

    @ParameterizedTest(name = "ACVPU {0} -> {1}")
    @CsvSource({"A, 0", "C, 3", "V, 3", "P, 3", "U, 3"})
    void newConfusionScoresLikeVoicePainUnresponsive(String level, int expected) {
        Map<String, InputValue> m = normal();
        m.put("acvpu", new InputValue.Choice(level));
        assertEquals(BigDecimal.valueOf(expected), compute(m).itemScores().get("acvpu"));
    }

    @ParameterizedTest(name = "{0} {1} charted as {2} -> {3}")
    @CsvSource({
            "respiratoryRate, 20.5, 21, 2", "respiratoryRate, 20.4, 20, 0", "oxygenSaturation, 95.5, 96, 0",
            "bodyTemperature, 37.95, 38.0, 0", "bodyTemperature, 38.05, 38.1, 1", "heartRate, 90.5, 91, 1"
    })
    void roundsToChartPrecisionBeforeBanding(String item, String value, String charted, int expected) {
        Map<String, InputValue> m = normal();
        String unit = switch (item) {
            case "oxygenSaturation" -> "%";
            case "bodyTemperature" -> "Cel";
            default -> "/min";
        };
        m.put(item, q(value, unit));
        ScoreResult r = compute(m);
        assertEquals(BigDecimal.valueOf(expected), r.itemScores().get(item));
        assertEquals(List.of(item + " " + value + " charted as " + charted + " (NEWS2 chart 1 precision)"),
                r.warnings());
    }

    // Thresholds and triggers: 0 low; 1-4 low; a single 3 low-medium; 5-6 medium; 7+ high.
    @Test
    void bandBoundaries() {
        Map<String, InputValue> m = normal();
        m.put("bodyTemperature", q("38.5", "Cel"));
        assertBand(m, "1", "low (ward-based response)");
        m.put("respiratoryRate", q("21", "/min"));
        m.put("bodyTemperature", q("37.0", "Cel"));
        m.put("heartRate", q("111", "/min"));
        assertBand(m, "4", "low (ward-based response)");
        m.put("bodyTemperature", q("38.5", "Cel"));
        assertBand(m, "5", "medium (key threshold for urgent response)");
        m.put("oxygenSaturation", q("94", "%"));
        assertBand(m, "6", "medium (key threshold for urgent response)");
        m.put("oxygenSaturation", q("92", "%"));
        assertBand(m, "7", "high (urgent or emergency response)");
    }

    @Test
    void aSingleRedScoreIsLowMediumBelowFive() {
        Map<String, InputValue> m = normal();
        m.put("acvpu", new InputValue.Choice("C"));
        assertBand(m, "3", "low-medium (urgent ward-based response)");
        m.put("bodyTemperature", q("38.5", "Cel"));
        assertBand(m, "4", "low-medium (urgent ward-based response)");
        m.put("heartRate", q("91", "/min"));
        assertBand(m, "5", "medium (key threshold for urgent response)");
    }

    @Test
    void worstPossibleObservationsScoreTwenty() {
        Map<String, InputValue> m = normal();
        m.put("respiratoryRate", q("30", "/min"));
        m.put("oxygenSaturation", q("85", "%"));
        m.put("onSupplementalOxygen", new InputValue.Flag(true));
        m.put("systolicBp", q("80", "mm[Hg]"));
        m.put("heartRate", q("140", "/min"));
        m.put("acvpu", new InputValue.Choice("U"));
        m.put("bodyTemperature", q("34.0", "Cel"));
        assertBand(m, "20", "high (urgent or emergency response)");
    }

    private static void assertBand(Map<String, InputValue> m, String total, String band) {
        ScoreResult r = compute(m);
        assertEquals(ScoreStatus.OK, r.status());
        assertEquals(n(total), r.value());
        assertEquals(band, r.band());
    }

    @Test
    void sampleLikeRecordWithoutConsciousnessOrOxygenIsIncomplete() {
        // The shape of the syn samples: five vital signs, no ACVPU, no oxygen, no scale-2 decision.
        Map<String, InputValue> m = new HashMap<>();
        m.put("respiratoryRate", q("18", "/min"));
        m.put("oxygenSaturation", q("95", "%"));
        m.put("systolicBp", q("128", "mm[Hg]"));
        m.put("heartRate", q("88", "/min"));
        m.put("bodyTemperature", q("37.2", "Cel"));
        m.put("age", q("44", "a"));
        ScoreResult r = compute(m);
        assertEquals(ScoreStatus.INCOMPLETE, r.status());
        assertNull(r.value());
        assertNull(r.band());
        assertEquals(n("1"), r.partial());
        assertEquals(List.of("onSupplementalOxygen", "acvpu"), r.missing());
        assertEquals(Map.of("respiratoryRate", n("0"), "oxygenSaturation", n("1"), "systolicBp", n("0"),
                "heartRate", n("0"), "bodyTemperature", n("0")), r.itemScores());
        assertEquals(List.of(SCALE_1_WARNING), r.warnings());
    }

    @Test
    void incompleteSaysWhenThePointsPresentAlreadyReachAnEscalationBand() {
        Map<String, InputValue> m = normal();
        m.remove("acvpu");
        m.remove("onSupplementalOxygen");
        m.put("respiratoryRate", q("26", "/min"));
        ScoreResult red = compute(m);
        assertEquals(n("3"), red.partial());
        assertEquals(List.of("already a single parameter scoring 3 with the items present: at least low-medium"
                + " (urgent ward-based response); the missing items can only add points"), red.warnings());

        m.put("heartRate", q("115", "/min"));
        ScoreResult medium = compute(m);
        assertEquals(n("5"), medium.partial());
        assertEquals(List.of("already \u22655 with the items present (5 points): at least medium (key threshold for"
                + " urgent response); the missing items can only add points"), medium.warnings());

        m.put("systolicBp", q("95", "mm[Hg]"));
        ScoreResult high = compute(m);
        assertEquals(ScoreStatus.INCOMPLETE, high.status());
        assertEquals(n("7"), high.partial());
        assertNull(high.band());
        assertTrue(high.warnings().get(0).startsWith("already \u22657 with the items present (7 points): at least high"));
    }

    @Test
    void incompleteBelowAnyEscalationHasNoFloorWarning() {
        Map<String, InputValue> m = normal();
        m.remove("bodyTemperature");
        m.put("heartRate", q("111", "/min"));
        ScoreResult r = compute(m);
        assertEquals(ScoreStatus.INCOMPLETE, r.status());
        assertEquals(n("2"), r.partial());
        assertEquals(List.of("bodyTemperature"), r.missing());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void nothingPresentIsIncompleteWithZeroPartialAndAllSevenMissing() {
        ScoreResult r = compute(Map.of("age", q("70", "a")));
        assertEquals(ScoreStatus.INCOMPLETE, r.status());
        assertEquals(n("0"), r.partial());
        assertEquals(List.of("respiratoryRate", "oxygenSaturation", "onSupplementalOxygen", "systolicBp", "heartRate",
                "acvpu", "bodyTemperature"), r.missing());
        assertTrue(r.itemScores().isEmpty());
    }

    @Test
    void scale2HighSaturationWithUnknownOxygenIsNotGuessed() {
        Map<String, InputValue> m = normal();
        m.put("hypercapnicRespiratoryFailure", new InputValue.Flag(true));
        m.remove("onSupplementalOxygen");
        m.put("oxygenSaturation", q("95", "%"));
        ScoreResult r = compute(m);
        assertEquals(ScoreStatus.INCOMPLETE, r.status());
        assertFalse(r.itemScores().containsKey("oxygenSaturation"));
        assertEquals(n("0"), r.partial());
        assertEquals(List.of("onSupplementalOxygen"), r.missing());
        assertEquals(List.of(SCALE_2_WARNING, "SpO2 95 % not scored: on SpO2 scale 2 a saturation this high scores by"
                + " whether the patient is on supplemental oxygen, which is not recorded"), r.warnings());
    }

    @ParameterizedTest(name = "scale 2, oxygen unknown: {0} % -> {1}")
    @CsvSource({"92, 0", "85, 2", "83, 3"})
    void scale2BelowNinetyThreeScoresWithoutOxygenStatus(String spo2, int expected) {
        Map<String, InputValue> m = normal();
        m.put("hypercapnicRespiratoryFailure", new InputValue.Flag(true));
        m.remove("onSupplementalOxygen");
        m.put("oxygenSaturation", q(spo2, "%"));
        ScoreResult r = compute(m);
        assertEquals(BigDecimal.valueOf(expected), r.itemScores().get("oxygenSaturation"));
        assertEquals(BigDecimal.valueOf(expected), r.partial());
    }

    @ParameterizedTest(name = "{0} {1} {2} is invalid")
    @CsvSource({
            "oxygenSaturation, 100.1, %", "oxygenSaturation, 101, %", "oxygenSaturation, 29, %",
            "respiratoryRate, -1, /min", "respiratoryRate, 1, /min", "respiratoryRate, 81, /min",
            "bodyTemperature, 24.9, Cel", "bodyTemperature, 45.1, Cel", "systolicBp, 19, mm[Hg]",
            "systolicBp, 301, mm[Hg]", "heartRate, 9, /min", "heartRate, 301, /min", "age, -1, a"
    })
    void impossibleValuesAreInvalid(String item, String value, String unit) {
        Map<String, InputValue> m = normal();
        m.put(item, q(value, unit));
        ScoreResult r = compute(m);
        assertEquals(ScoreStatus.INVALID_INPUT, r.status());
        assertNull(r.value());
        assertNull(r.partial());
        assertNull(r.band());
        assertTrue(r.itemScores().isEmpty());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).startsWith(item + " " + value + " " + unit + " is not physiologically possible"),
                r.warnings().get(0));
    }

    @Test
    void wrongUnitTypeOrChoiceIsInvalid() {
        Map<String, InputValue> m = normal();
        m.put("bodyTemperature", q("98.6", "[degF]"));
        m.put("acvpu", new InputValue.Choice("X"));
        m.put("heartRate", new InputValue.Flag(true));
        ScoreResult r = compute(m);
        assertEquals(ScoreStatus.INVALID_INPUT, r.status());
        assertEquals(List.of("heartRate must be a quantity in /min", "acvpu must be one of A|C|V|P|U",
                "bodyTemperature is in '[degF]', expected 'Cel'"), r.warnings());
    }

    @Test
    void childrenUnderSixteenAreNotApplicable() {
        Map<String, InputValue> m = normal();
        m.put("age", q("15.9", "a"));
        ScoreResult r = compute(m);
        assertEquals(ScoreStatus.NOT_APPLICABLE, r.status());
        assertNull(r.value());
        assertEquals(List.of("NEWS2 is not for patients under 16 years (RCP 2017); age is 15.9"), r.warnings());
        m.put("age", q("16", "a"));
        assertEquals(ScoreStatus.OK, compute(m).status());
    }

    @Test
    void missingAgeStillScoresWithAWarning() {
        Map<String, InputValue> m = normal();
        m.remove("age");
        ScoreResult r = compute(m);
        assertEquals(ScoreStatus.OK, r.status());
        assertEquals(List.of("Age not given: NEWS2 applies to people aged 16 or over and not in pregnancy"),
                r.warnings());
    }

    @Test
    void copdPatientOnOxygenAboveTargetScoresAsChart1Shows() {
        // Illustration of chart 1's scale-2 rule: confirmed hypercapnic failure (target 88-92 %), on oxygen, SpO2 97 %
        // (3) + oxygen (2) + RR 22 (2) + pulse 95 (1) + temperature 37.5 (0) + SBP 130 (0) + alert (0) = 8, high.
        Map<String, InputValue> m = normal();
        m.put("hypercapnicRespiratoryFailure", new InputValue.Flag(true));
        m.put("onSupplementalOxygen", new InputValue.Flag(true));
        m.put("oxygenSaturation", q("97", "%"));
        m.put("respiratoryRate", q("22", "/min"));
        m.put("heartRate", q("95", "/min"));
        m.put("bodyTemperature", q("37.5", "Cel"));
        m.put("systolicBp", q("130", "mm[Hg]"));
        ScoreResult r = compute(m);
        assertEquals(n("8"), r.value());
        assertEquals("high (urgent or emergency response)", r.band());
        assertEquals(n("3"), r.itemScores().get("oxygenSaturation"));
    }
}
