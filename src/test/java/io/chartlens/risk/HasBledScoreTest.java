package io.chartlens.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** HAS-BLED (Pisters et al., Chest 2010;138:1093-100, HAS-BLED table), from the shipped hasbled.json. */
class HasBledScoreTest {

    private static final String NOT_HIGH = "not high risk (HAS-BLED 0-2)";
    private static final String HIGH = "high bleeding risk (HAS-BLED >= 3): address modifiable risk factors, review"
            + " more often";
    private static final List<String> FLAGS = List.of("abnormalRenalFunction", "abnormalLiverFunction", "stroke",
            "bleedingHistory", "labileInr", "antiplateletOrNsaid", "alcoholExcess");

    private static HasBledScore score;

    @BeforeAll
    static void load() throws IOException {
        score = new HasBledScore(ScoreDefinition.parse(Files.readString(Path.of("smart-config/scores/hasbled.json"))));
    }

    /** Every item known and negative: SBP 120, age 50, all flags false. */
    private static Map<String, InputValue> base() {
        Map<String, InputValue> m = new HashMap<>();
        m.put("systolicBp", sbp("120"));
        m.put("age", age("50"));
        FLAGS.forEach(f -> m.put(f, new InputValue.Flag(false)));
        return m;
    }

    private static InputValue sbp(String v) {
        return new InputValue.Quantity(new BigDecimal(v), "mm[Hg]");
    }

    private static InputValue age(String v) {
        return new InputValue.Quantity(new BigDecimal(v), "a");
    }

    private static ScoreResult run(Map<String, InputValue> m) {
        return score.compute(new ScoreInputs(m));
    }

    private static BigDecimal bd(int v) {
        return BigDecimal.valueOf(v);
    }

    @Test
    void noRiskFactorScoresZero() {
        ScoreResult r = run(base());
        assertEquals(ScoreStatus.OK, r.status());
        assertEquals(bd(0), r.value());
        assertEquals(NOT_HIGH, r.band());
        assertEquals(List.of(), r.warnings());
        assertEquals(9, r.itemScores().size());
        assertEquals("points", r.unit());
    }

    @Test
    void everyItemPresentScoresTheMaximumOfNine() {
        Map<String, InputValue> m = base();
        FLAGS.forEach(f -> m.put(f, new InputValue.Flag(true)));
        m.put("systolicBp", sbp("180"));
        m.put("age", age("80"));
        ScoreResult r = run(m);
        assertEquals(bd(9), r.value());
        assertEquals(HIGH, r.band());
        r.itemScores().values().forEach(p -> assertEquals(bd(1), p));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"abnormalRenalFunction", "abnormalLiverFunction", "stroke", "bleedingHistory",
            "labileInr", "antiplateletOrNsaid", "alcoholExcess"})
    void eachFlagAddsOnePoint(String flag) {
        Map<String, InputValue> m = base();
        m.put(flag, new InputValue.Flag(true));
        ScoreResult r = run(m);
        assertEquals(bd(1), r.value());
        assertEquals(bd(1), r.itemScores().get(flag));
    }

    @Test
    void renalAndLiverCountSeparatelyAsDoDrugsAndAlcohol() {
        Map<String, InputValue> m = base();
        m.put("abnormalRenalFunction", new InputValue.Flag(true));
        m.put("abnormalLiverFunction", new InputValue.Flag(true));
        m.put("antiplateletOrNsaid", new InputValue.Flag(true));
        m.put("alcoholExcess", new InputValue.Flag(true));
        assertEquals(bd(4), run(m).value());
    }

    // Pisters 2010: uncontrolled hypertension is systolic BP > 160 mmHg (strictly above).
    @ParameterizedTest(name = "SBP {0} -> {1}")
    @CsvSource({"20,0", "159,0", "160,0", "160.1,1", "161,1", "300,1"})
    void systolicAbove160ScoresOne(String value, int points) {
        Map<String, InputValue> m = base();
        m.put("systolicBp", sbp(value));
        ScoreResult r = run(m);
        assertEquals(bd(points), r.itemScores().get("systolicBp"));
        assertEquals(bd(points), r.value());
    }

    // Pisters 2010: elderly is age > 65 years, in completed years.
    @ParameterizedTest(name = "age {0} -> {1}")
    @CsvSource({"0,0", "64,0", "65,0", "65.9,0", "66,1", "67,1", "130,1"})
    void ageAbove65ScoresOne(String value, int points) {
        Map<String, InputValue> m = base();
        m.put("age", age(value));
        ScoreResult r = run(m);
        assertEquals(bd(points), r.itemScores().get("age"));
        assertEquals(bd(points), r.value());
    }

    @ParameterizedTest(name = "{0} points -> {1}")
    @CsvSource({"0,NOT_HIGH", "1,NOT_HIGH", "2,NOT_HIGH", "3,HIGH", "4,HIGH"})
    void highRiskBandStartsAtThree(int flagsTrue, String band) {
        Map<String, InputValue> m = base();
        FLAGS.subList(0, flagsTrue).forEach(f -> m.put(f, new InputValue.Flag(true)));
        ScoreResult r = run(m);
        assertEquals(bd(flagsTrue), r.value());
        assertEquals("HIGH".equals(band) ? HIGH : NOT_HIGH, r.band());
    }

    @Test
    void missingSystolicPressureIsIncompleteWithPartialPoints() {
        Map<String, InputValue> m = base();
        m.remove("systolicBp");
        m.put("age", age("70"));
        m.put("stroke", new InputValue.Flag(true));
        ScoreResult r = run(m);
        assertEquals(ScoreStatus.INCOMPLETE, r.status());
        assertNull(r.value());
        assertNull(r.band());
        assertEquals(bd(2), r.partial());
        assertEquals(List.of("systolicBp"), r.missing());
        assertFalse(r.itemScores().containsKey("systolicBp"));
    }

    @Test
    void missingSystolicPressureAndAgeAreBothListed() {
        Map<String, InputValue> m = base();
        m.remove("systolicBp");
        m.remove("age");
        ScoreResult r = run(m);
        assertEquals(ScoreStatus.INCOMPLETE, r.status());
        assertEquals(bd(0), r.partial());
        assertEquals(List.of("systolicBp", "age"), r.missing());
    }

    @Test
    void absentCodedItemsAreReadAsNotPresentWithAWarning() {
        Map<String, InputValue> m = new HashMap<>();
        m.put("systolicBp", sbp("170"));
        m.put("age", age("72"));
        m.put("antiplateletOrNsaid", new InputValue.Flag(true));
        ScoreResult r = run(m);
        assertEquals(ScoreStatus.OK, r.status());
        assertEquals(bd(3), r.value());
        assertEquals(HIGH, r.band());
        assertEquals(List.of("read as not present (nothing coded in the record): Abnormal renal function (dialysis,"
                + " transplant, creatinine >= 200 umol/L), Abnormal liver function (cirrhosis or bilirubin > 2x ULN"
                + " with AST/ALT/ALP > 3x ULN), Prior stroke, Bleeding history or predisposition (e.g. anaemia),"
                + " Labile INR (time in therapeutic range < 60% on a vitamin K antagonist), Alcohol excess (>= 8"
                + " drinks a week)"), r.warnings());
        assertEquals(List.of("systolicBp", "age", "antiplateletOrNsaid"), List.copyOf(r.itemScores().keySet()));
    }

    @ParameterizedTest(name = "SBP {0}")
    @ValueSource(strings = {"19", "0", "-5", "301"})
    void impossibleSystolicPressureIsInvalid(String value) {
        Map<String, InputValue> m = base();
        m.put("systolicBp", sbp(value));
        ScoreResult r = run(m);
        assertEquals(ScoreStatus.INVALID_INPUT, r.status());
        assertNull(r.value());
        assertNull(r.partial());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).startsWith("systolicBp: "), r.warnings().get(0));
    }

    @Test
    void impossibleAgeIsInvalid() {
        Map<String, InputValue> m = base();
        m.put("age", age("-1"));
        ScoreResult r = run(m);
        assertEquals(ScoreStatus.INVALID_INPUT, r.status());
        assertEquals(List.of("age: -1 a is not a possible value (0-130 a)"), r.warnings());
    }

    @Test
    void systolicPressureInTheWrongUnitIsInvalid() {
        Map<String, InputValue> m = base();
        m.put("systolicBp", new InputValue.Quantity(new BigDecimal("21"), "kPa"));
        ScoreResult r = run(m);
        assertEquals(ScoreStatus.INVALID_INPUT, r.status());
        assertEquals(List.of("systolicBp: unit 'kPa' given, 'mm[Hg]' expected"), r.warnings());
    }
}
