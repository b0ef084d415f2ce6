package io.chartlens.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CHA2DS2-VASc (Lip et al., Chest 2010;137:263-72, point table) with ESC 2020 sex-specific bands, from the shipped
 * {@code smart-config/scores/cha2ds2vasc.json}.
 */
class Cha2ds2VascScoreTest {

    private static final String LOW_MEN = "low risk: anticoagulation not indicated (ESC 2020: score 0 in men)";
    private static final String CONSIDER_MEN = "consider anticoagulation (ESC 2020 class IIa: score 1 in men)";
    private static final String RECOMMENDED_MEN = "anticoagulation recommended (ESC 2020 class I: score >= 2 in men)";
    private static final String LOW_WOMEN = "low risk: anticoagulation not indicated (ESC 2020: score 1 in women)";
    private static final String CONSIDER_WOMEN = "consider anticoagulation (ESC 2020 class IIa: score 2 in women)";
    private static final String RECOMMENDED_WOMEN = "anticoagulation recommended (ESC 2020 class I: score >= 3 in women)";
    private static final String ABSENT = "read as not present (no coded condition found): ";

    private static Cha2ds2VascScore score;

    @BeforeAll
    static void load() throws IOException {
        score = new Cha2ds2VascScore(
                ScoreDefinition.parse(Files.readString(Path.of("smart-config/scores/cha2ds2vasc.json"))));
    }

    /** An AF patient with every condition coded as absent (false), so no "read as not present" warning. */
    private static Map<String, InputValue> base(String sex, int age) {
        Map<String, InputValue> m = new HashMap<>();
        m.put("atrialFibrillation", new InputValue.Flag(true));
        m.put("congestiveHeartFailure", new InputValue.Flag(false));
        m.put("hypertension", new InputValue.Flag(false));
        m.put("diabetes", new InputValue.Flag(false));
        m.put("strokeTiaThromboembolism", new InputValue.Flag(false));
        m.put("vascularDisease", new InputValue.Flag(false));
        m.put("age", age(age));
        m.put("sex", new InputValue.Choice(sex));
        return m;
    }

    private static InputValue age(Number years) {
        return new InputValue.Quantity(new BigDecimal(years.toString()), "a");
    }

    private static ScoreResult run(Map<String, InputValue> m) {
        return score.compute(new ScoreInputs(m));
    }

    private static BigDecimal bd(int v) {
        return BigDecimal.valueOf(v);
    }

    @Test
    void readsTheDefinition() {
        assertEquals("cha2ds2vasc", score.id());
        assertEquals("1.0.0", score.definition().version());
        assertTrue(score.definition().source().startsWith("Lip GYH"));
    }

    @Test
    void youngManWithNoRiskFactorsScoresZeroLowRisk() {
        ScoreResult r = run(base("male", 50));
        assertEquals(ScoreStatus.OK, r.status());
        assertEquals(0, r.value().compareTo(BigDecimal.ZERO));
        assertEquals(LOW_MEN, r.band());
        assertEquals("points", r.unit());
        assertEquals(List.of(), r.warnings());
        assertEquals(List.of(), r.missing());
        assertNull(r.partial());
    }

    @Test
    void everyRiskFactorGivesTheMaximumOfNine() {
        Map<String, InputValue> m = base("female", 80);
        for (String f : List.of("congestiveHeartFailure", "hypertension", "diabetes", "strokeTiaThromboembolism",
                "vascularDisease")) {
            m.put(f, new InputValue.Flag(true));
        }
        ScoreResult r = run(m);
        assertEquals(bd(9), r.value());
        Map<String, BigDecimal> expected = new LinkedHashMap<>();
        expected.put("congestiveHeartFailure", bd(1));
        expected.put("hypertension", bd(1));
        expected.put("age", bd(2));
        expected.put("diabetes", bd(1));
        expected.put("strokeTiaThromboembolism", bd(2));
        expected.put("vascularDisease", bd(1));
        expected.put("sex", bd(1));
        assertEquals(expected, r.itemScores());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(r.itemScores().keySet()));
        assertEquals(RECOMMENDED_WOMEN, r.band());
    }

    @ParameterizedTest(name = "{0}: {1} points")
    @CsvSource({"congestiveHeartFailure,1", "hypertension,1", "diabetes,1", "strokeTiaThromboembolism,2",
            "vascularDisease,1"})
    void eachConditionAddsItsPublishedPoints(String item, int points) {
        Map<String, InputValue> m = base("male", 40);
        m.put(item, new InputValue.Flag(true));
        ScoreResult r = run(m);
        assertEquals(bd(points), r.value());
        assertEquals(bd(points), r.itemScores().get(item));
    }

    @ParameterizedTest(name = "age {0} -> {1}")
    @CsvSource({"0,0", "64,0", "64.99,0", "65,1", "66,1", "74,1", "74.9,1", "75,2", "76,2", "130,2"})
    void ageThresholdsAre65And75InCompletedYears(String years, int points) {
        Map<String, InputValue> m = base("male", 0);
        m.put("age", new InputValue.Quantity(new BigDecimal(years), "a"));
        ScoreResult r = run(m);
        assertEquals(ScoreStatus.OK, r.status());
        assertEquals(bd(points), r.itemScores().get("age"));
        assertEquals(bd(points), r.value());
    }

    @Test
    void femaleSexAddsOnePoint() {
        assertEquals(bd(1), run(base("female", 40)).itemScores().get("sex"));
        assertEquals(bd(0), run(base("male", 40)).itemScores().get("sex"));
    }

    // ESC 2020 bands: men 0 / 1 / >=2; women 1 / 2 / >=3.
    @ParameterizedTest(name = "man aged {0} with hypertension={1}: {2}")
    @CsvSource({"40,false,0,LOW", "40,true,1,CONSIDER", "65,false,1,CONSIDER", "65,true,2,RECOMMENDED",
            "75,false,2,RECOMMENDED", "75,true,3,RECOMMENDED"})
    void menBandsAtZeroOneAndTwo(int age, boolean htn, int total, String band) {
        Map<String, InputValue> m = base("male", age);
        m.put("hypertension", new InputValue.Flag(htn));
        ScoreResult r = run(m);
        assertEquals(bd(total), r.value());
        assertEquals(switch (band) {
            case "LOW" -> LOW_MEN;
            case "CONSIDER" -> CONSIDER_MEN;
            default -> RECOMMENDED_MEN;
        }, r.band());
    }

    @ParameterizedTest(name = "woman aged {0} with hypertension={1}: {2}")
    @CsvSource({"40,false,1,LOW", "40,true,2,CONSIDER", "65,false,2,CONSIDER", "65,true,3,RECOMMENDED",
            "75,false,3,RECOMMENDED"})
    void womenBandsAtOneTwoAndThree(int age, boolean htn, int total, String band) {
        Map<String, InputValue> m = base("female", age);
        m.put("hypertension", new InputValue.Flag(htn));
        ScoreResult r = run(m);
        assertEquals(bd(total), r.value());
        assertEquals(switch (band) {
            case "LOW" -> LOW_WOMEN;
            case "CONSIDER" -> CONSIDER_WOMEN;
            default -> RECOMMENDED_WOMEN;
        }, r.band());
    }

    @Test
    void noAtrialFibrillationIsNotApplicable() {
        Map<String, InputValue> m = base("male", 80);
        m.put("atrialFibrillation", new InputValue.Flag(false));
        ScoreResult r = run(m);
        assertEquals(ScoreStatus.NOT_APPLICABLE, r.status());
        assertNull(r.value());
        assertNull(r.partial());
        assertNull(r.band());
        assertEquals(Map.of(), r.itemScores());
        assertEquals(List.of("Not applicable: no atrial fibrillation. CHA2DS2-VASc is validated only for stroke"
                + " risk in atrial fibrillation."), r.warnings());
    }

    @Test
    void unknownAtrialFibrillationIsComputedWithAWarning() {
        Map<String, InputValue> m = base("male", 70);
        m.remove("atrialFibrillation");
        ScoreResult r = run(m);
        assertEquals(ScoreStatus.OK, r.status());
        assertEquals(bd(1), r.value());
        assertEquals(List.of("No atrial fibrillation is coded in the record: CHA2DS2-VASc is validated only in"
                + " atrial fibrillation; computed anyway."), r.warnings());
    }

    @Test
    void absentConditionsAreReadAsNotPresentAndListed() {
        Map<String, InputValue> m = base("female", 70);
        m.remove("hypertension");
        m.remove("vascularDisease");
        m.put("diabetes", new InputValue.Flag(true));
        ScoreResult r = run(m);
        assertEquals(ScoreStatus.OK, r.status());
        assertEquals(bd(3), r.value()); // age 65-74 1 + diabetes 1 + female 1
        assertEquals(RECOMMENDED_WOMEN, r.band());
        assertEquals(List.of(ABSENT + "Hypertension, Vascular disease (prior MI, PAD, aortic plaque)"), r.warnings());
        assertTrue(!r.itemScores().containsKey("hypertension"));
    }

    @Test
    void onlyDemographicsKnownGivesAScoreWithEveryConditionListed() {
        Map<String, InputValue> m = new HashMap<>();
        m.put("atrialFibrillation", new InputValue.Flag(true));
        m.put("age", age(76));
        m.put("sex", new InputValue.Choice("male"));
        ScoreResult r = run(m);
        assertEquals(bd(2), r.value());
        assertEquals(List.of(ABSENT + "Congestive heart failure or LV dysfunction, Hypertension, Diabetes mellitus,"
                + " Prior stroke, TIA or thromboembolism, Vascular disease (prior MI, PAD, aortic plaque)"), r.warnings());
    }

    @Test
    void missingSexIsIncompleteAndNeverAssumedMale() {
        Map<String, InputValue> m = base("male", 70);
        m.remove("sex");
        m.put("hypertension", new InputValue.Flag(true));
        ScoreResult r = run(m);
        assertEquals(ScoreStatus.INCOMPLETE, r.status());
        assertNull(r.value());
        assertNull(r.band());
        assertEquals(bd(2), r.partial());
        assertEquals(List.of("sex"), r.missing());
        assertTrue(!r.itemScores().containsKey("sex"));
    }

    @Test
    void missingAgeAndSexAreBothListedInDefinitionOrder() {
        Map<String, InputValue> m = base("male", 70);
        m.remove("sex");
        m.remove("age");
        m.put("strokeTiaThromboembolism", new InputValue.Flag(true));
        ScoreResult r = run(m);
        assertEquals(ScoreStatus.INCOMPLETE, r.status());
        assertEquals(bd(2), r.partial());
        assertEquals(List.of("age", "sex"), r.missing());
    }

    @ParameterizedTest(name = "age {0}")
    @CsvSource({"-1", "130.5", "200"})
    void impossibleAgeIsInvalid(String years) {
        Map<String, InputValue> m = base("male", 0);
        m.put("age", new InputValue.Quantity(new BigDecimal(years), "a"));
        ScoreResult r = run(m);
        assertEquals(ScoreStatus.INVALID_INPUT, r.status());
        assertNull(r.value());
        assertNull(r.partial());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).startsWith("age: "), r.warnings().get(0));
    }

    @Test
    void ageInTheWrongUnitIsInvalid() {
        Map<String, InputValue> m = base("male", 0);
        m.put("age", new InputValue.Quantity(new BigDecimal("800"), "mo"));
        ScoreResult r = run(m);
        assertEquals(ScoreStatus.INVALID_INPUT, r.status());
        assertEquals(List.of("age: unit 'mo' given, 'a' expected"), r.warnings());
    }

    @Test
    void sexOutsideTheAllowedValuesIsInvalid() {
        Map<String, InputValue> m = base("unknown", 70);
        ScoreResult r = run(m);
        assertEquals(ScoreStatus.INVALID_INPUT, r.status());
        assertEquals(List.of("sex: 'unknown' is not one of female|male"), r.warnings());
    }

    @Test
    void aFlagGivenAsAQuantityIsInvalid() {
        Map<String, InputValue> m = base("male", 70);
        m.put("diabetes", new InputValue.Quantity(BigDecimal.ONE, "1"));
        ScoreResult r = run(m);
        assertEquals(ScoreStatus.INVALID_INPUT, r.status());
        assertEquals(List.of("diabetes: expected a yes/no value"), r.warnings());
    }

    @Test
    void resultCarriesIdVersionAndCitation() {
        ScoreResult r = run(base("male", 70));
        assertEquals("cha2ds2vasc", r.id());
        assertEquals("1.0.0", r.version());
        assertEquals(score.definition().source(), r.source());
    }
}
