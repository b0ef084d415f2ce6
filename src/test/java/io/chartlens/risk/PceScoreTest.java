package io.chartlens.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

class PceScoreTest {

    private static PceScore score;

    @BeforeAll
    static void load() throws Exception {
        score = new PceScore(ScoreDefinition.parse(Files.readString(Path.of("smart-config/scores/pce.json"))));
    }

    private static InputValue q(String value, String unit) {
        return new InputValue.Quantity(new BigDecimal(value), unit);
    }

    private static InputValue f(boolean value) {
        return new InputValue.Flag(value);
    }

    private static InputValue c(String value) {
        return new InputValue.Choice(value);
    }

    /** The Goff 2013 Table A example profile: 55 y, TC 213, HDL 50, SBP 120 untreated, non-smoker, non-diabetic. */
    private static Map<String, InputValue> tableA(String sex, String race) {
        Map<String, InputValue> m = new HashMap<>();
        m.put("age", q("55", "a"));
        m.put("sex", c(sex));
        m.put("race", c(race));
        m.put("totalCholesterol", q("213", "mg/dL"));
        m.put("hdlCholesterol", q("50", "mg/dL"));
        m.put("systolicBp", q("120", "mm[Hg]"));
        m.put("onHypertensionTreatment", f(false));
        m.put("smoker", f(false));
        m.put("diabetes", f(false));
        m.put("knownAscvd", f(false));
        return m;
    }

    private static ScoreResult compute(Map<String, InputValue> m) {
        return score.compute(new ScoreInputs(m));
    }

    private static Map<String, InputValue> with(Map<String, InputValue> m, String name, InputValue v) {
        Map<String, InputValue> copy = new HashMap<>(m);
        copy.put(name, v);
        return copy;
    }

    private static Map<String, InputValue> without(Map<String, InputValue> m, String... names) {
        Map<String, InputValue> copy = new HashMap<>(m);
        for (String n : names) {
            copy.remove(n);
        }
        return copy;
    }

    private static void assertOk(String percent, String band, ScoreResult r) {
        assertEquals(ScoreStatus.OK, r.status(), r.warnings().toString());
        assertEquals(new BigDecimal(percent), r.value());
        assertEquals(band, r.band());
        assertEquals("%", r.unit());
        assertNull(r.partial());
        assertEquals(List.of(), r.missing());
    }

    // Goff 2013 Table A worked example. Published: 2.1 % white women, 3.0 % African American women, 5.3 % white men,
    // 6.1 % African American men. With the published (rounded) coefficients evaluated exactly, white men give 5.38 %
    // -> 5.4 %; Table A's 5.3 % comes from exponentiating its printed Individual Sum 60.69 (see the next test).

    @Test
    void reproducesTableAForWhiteWomen() {
        assertOk("2.1", "low", compute(tableA("female", "white")));
    }

    @Test
    void reproducesTableAForAfricanAmericanWomen() {
        assertOk("3.0", "low", compute(tableA("female", "african_american")));
    }

    @Test
    void givesFivePointFourForTheTableAWhiteManBecauseTheSumIsNotRoundedFirst() {
        ScoreResult r = compute(tableA("male", "white"));
        assertOk("5.4", "borderline", r);
        Map<String, BigDecimal> expected = new LinkedHashMap<>();
        expected.put("lnAge", new BigDecimal("49.467"));
        expected.put("lnTotalCholesterol", new BigDecimal("63.547"));
        expected.put("lnAgeXLnTotalCholesterol", new BigDecimal("-57.235"));
        expected.put("lnHdl", new BigDecimal("-31.257"));
        expected.put("lnAgeXLnHdl", new BigDecimal("27.732"));
        expected.put("lnUntreatedSbp", new BigDecimal("8.445"));
        expected.put("smoker", new BigDecimal("0.000"));
        expected.put("lnAgeXSmoker", new BigDecimal("0.000"));
        expected.put("diabetes", new BigDecimal("0.000"));
        expected.put("individualSum", new BigDecimal("60.700"));
        assertEquals(expected, r.itemScores());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(r.itemScores().keySet()));
    }

    @Test
    void reproducesTableAForAfricanAmericanMen() {
        assertOk("6.1", "borderline", compute(tableA("male", "african_american")));
    }

    /** Table A's printed Individual Sum, Mean and Baseline Survival per group give its printed risks exactly. */
    @ParameterizedTest
    @CsvSource({"-29.67, -29.18, 0.9665, 2.1", "86.16, 86.61, 0.9533, 3.0", "60.69, 61.18, 0.9144, 5.3",
            "18.97, 19.54, 0.8954, 6.1"})
    void tableAPrintedSumsGiveThePublishedPercentages(double sum, double mean, double s10, String published) {
        assertEquals(new BigDecimal(published), BigDecimal.valueOf(PceScore.tenYearRiskPercent(sum, mean, s10))
                .setScale(1, java.math.RoundingMode.HALF_UP));
    }

    @Test
    void usesTheWhiteEquationsForOtherRaceAndSaysSo() {
        ScoreResult r = compute(tableA("male", "other"));
        assertOk("5.4", "borderline", r);
        assertEquals(List.of("Race 'other': the white equations are used, as the guideline advises; they may "
                + "overestimate or underestimate risk for this patient."), r.warnings());
        assertEquals(List.of(), compute(tableA("male", "white")).warnings());
    }

    // Other profiles: expected values computed independently from the Table A coefficients (Python, double precision).
    @ParameterizedTest
    @CsvSource({
        "60, male, white, 240, 40, 150, true, true, true, 46.3, high",
        "65, female, african_american, 200, 45, 140, true, false, true, 25.9, high",
        "50, female, white, 180, 60, 130, false, true, false, 2.8, low",
        "70, male, african_american, 250, 35, 160, true, true, false, 48.7, high",
        "79, female, white, 320, 20, 200, true, true, true, 85.5, high",
        "40, male, white, 130, 100, 90, false, false, false, 0.1, low"})
    void computesTreatedSmokingAndDiabeticProfiles(String age, String sex, String race, String tc, String hdl,
                                                   String sbp, boolean treated, boolean smoker, boolean diabetes,
                                                   String percent, String band) {
        Map<String, InputValue> m = tableA(sex, race);
        m.put("age", q(age, "a"));
        m.put("totalCholesterol", q(tc, "mg/dL"));
        m.put("hdlCholesterol", q(hdl, "mg/dL"));
        m.put("systolicBp", q(sbp, "mm[Hg]"));
        m.put("onHypertensionTreatment", f(treated));
        m.put("smoker", f(smoker));
        m.put("diabetes", f(diabetes));
        assertOk(percent, band, compute(m));
    }

    @Test
    void treatmentChangesTheSbpTermUsed() {
        ScoreResult r = compute(with(tableA("male", "white"), "onHypertensionTreatment", f(true)));
        assertTrue(r.itemScores().containsKey("lnTreatedSbp"));
        assertTrue(!r.itemScores().containsKey("lnUntreatedSbp"));
    }

    // Band boundaries (2018/2019 ACC/AHA: low <5, borderline 5-<7.5, intermediate 7.5-<20, high >=20), white man,
    // HDL 50, untreated, non-smoker, non-diabetic. The band follows the displayed (rounded) percent.
    @ParameterizedTest
    @CsvSource({
        "45, 299, 144, 4.9, low",
        "45, 298, 146, 5.0, borderline",
        "45, 299, 183, 7.4, borderline",
        "45, 298, 185, 7.5, intermediate", // unrounded 7.47 %: shown as 7.5 %, so banded intermediate
        "57, 298, 194, 19.9, intermediate",
        "57, 297, 195, 20.0, high"})
    void bandsAtEveryThreshold(String age, String tc, String sbp, String percent, String band) {
        Map<String, InputValue> m = tableA("male", "white");
        m.put("age", q(age, "a"));
        m.put("totalCholesterol", q(tc, "mg/dL"));
        m.put("systolicBp", q(sbp, "mm[Hg]"));
        assertOk(percent, band, compute(m));
    }

    @ParameterizedTest
    @CsvSource({
        "age, 39, a, 'age 39 a is outside the range the equations were validated for (40-79 a)'",
        "age, 39.9, a, 'age 39 a is outside the range the equations were validated for (40-79 a)'",
        "age, 80, a, 'age 80 a is outside the range the equations were validated for (40-79 a)'",
        "totalCholesterol, 129, mg/dL, 'totalCholesterol 129 mg/dL is outside the range the equations were validated for (130-320 mg/dL)'",
        "totalCholesterol, 320.5, mg/dL, 'totalCholesterol 320.5 mg/dL is outside the range the equations were validated for (130-320 mg/dL)'",
        "hdlCholesterol, 19, mg/dL, 'hdlCholesterol 19 mg/dL is outside the range the equations were validated for (20-100 mg/dL)'",
        "hdlCholesterol, 101, mg/dL, 'hdlCholesterol 101 mg/dL is outside the range the equations were validated for (20-100 mg/dL)'",
        "systolicBp, 89, mm[Hg], 'systolicBp 89 mm[Hg] is outside the range the equations were validated for (90-200 mm[Hg])'",
        "systolicBp, 201, mm[Hg], 'systolicBp 201 mm[Hg] is outside the range the equations were validated for (90-200 mm[Hg])'"})
    void reportsValuesOutsideTheValidatedRanges(String name, String value, String unit, String warning) {
        ScoreResult r = compute(with(tableA("female", "white"), name, q(value, unit)));
        assertEquals(ScoreStatus.OUT_OF_RANGE, r.status());
        assertNull(r.value());
        assertNull(r.band());
        assertEquals(List.of(warning), r.warnings());
    }

    @ParameterizedTest
    @CsvSource({"age, 40, a", "age, 79, a", "age, 79.9, a", "totalCholesterol, 130, mg/dL",
            "totalCholesterol, 320, mg/dL", "hdlCholesterol, 20, mg/dL", "hdlCholesterol, 100, mg/dL",
            "systolicBp, 90, mm[Hg]", "systolicBp, 200, mm[Hg]"})
    void acceptsTheEdgesOfTheValidatedRanges(String name, String value, String unit) {
        assertEquals(ScoreStatus.OK, compute(with(tableA("female", "white"), name, q(value, unit))).status());
    }

    @Test
    void listsEveryValueOutsideTheRanges() {
        Map<String, InputValue> m = with(tableA("male", "white"), "age", q("82", "a"));
        m.put("systolicBp", q("210", "mm[Hg]"));
        ScoreResult r = compute(m);
        assertEquals(ScoreStatus.OUT_OF_RANGE, r.status());
        assertEquals(List.of("age 82 a is outside the range the equations were validated for (40-79 a)",
                "systolicBp 210 mm[Hg] is outside the range the equations were validated for (90-200 mm[Hg])"),
                r.warnings());
    }

    @Test
    void aMissingInputIsNotComputableAndNamed() {
        for (String name : List.of("age", "sex", "race", "totalCholesterol", "hdlCholesterol", "systolicBp",
                "onHypertensionTreatment", "smoker", "diabetes", "knownAscvd")) {
            ScoreResult r = compute(without(tableA("male", "white"), name));
            assertEquals(ScoreStatus.NOT_COMPUTABLE, r.status(), name);
            assertEquals(List.of(name), r.missing());
            assertNull(r.value());
            assertNull(r.band());
            assertEquals(Map.of(), r.itemScores());
        }
    }

    @Test
    void listsAllMissingInputsInDefinitionOrder() {
        ScoreResult r = compute(without(tableA("male", "white"), "smoker", "hdlCholesterol", "age"));
        assertEquals(ScoreStatus.NOT_COMPUTABLE, r.status());
        assertEquals(List.of("age", "hdlCholesterol", "smoker"), r.missing());
        assertEquals(ScoreStatus.NOT_COMPUTABLE, compute(Map.of()).status());
        assertEquals(10, compute(Map.of()).missing().size());
    }

    @Test
    void missingBeatsOutOfRange() {
        ScoreResult r = compute(without(with(tableA("male", "white"), "age", q("30", "a")), "diabetes"));
        assertEquals(ScoreStatus.NOT_COMPUTABLE, r.status());
        assertEquals(List.of("diabetes"), r.missing());
    }

    @Test
    void knownAscvdIsNotApplicableEvenWithInputsMissing() {
        ScoreResult r = compute(Map.of("knownAscvd", f(true)));
        assertEquals(ScoreStatus.NOT_APPLICABLE, r.status());
        assertNull(r.value());
        assertEquals(List.of(), r.missing());
        assertEquals(List.of("Known ASCVD is recorded: the Pooled Cohort Equations estimate first events (primary "
                + "prevention) only."), r.warnings());
        assertEquals(ScoreStatus.NOT_APPLICABLE,
                compute(with(tableA("male", "white"), "knownAscvd", f(true))).status());
    }

    @ParameterizedTest
    @CsvSource({
        "age, -1, a, 'age -1 a is not a possible value (0-130 a)'",
        "age, 131, a, 'age 131 a is not a possible value (0-130 a)'",
        "totalCholesterol, 19, mg/dL, 'totalCholesterol 19 mg/dL is not a possible value (20-2000 mg/dL)'",
        "hdlCholesterol, 0, mg/dL, 'hdlCholesterol 0 mg/dL is not a possible value (1-300 mg/dL)'",
        "systolicBp, 301, mm[Hg], 'systolicBp 301 mm[Hg] is not a possible value (20-300 mm[Hg])'",
        "systolicBp, 19, mm[Hg], 'systolicBp 19 mm[Hg] is not a possible value (20-300 mm[Hg])'",
        "totalCholesterol, 5.5, mmol/L, 'totalCholesterol is in ''mmol/L'', expected mg/dL'"})
    void rejectsImpossibleValues(String name, String value, String unit, String warning) {
        ScoreResult r = compute(with(tableA("male", "white"), name, q(value, unit)));
        assertEquals(ScoreStatus.INVALID_INPUT, r.status());
        assertNull(r.value());
        assertEquals(List.of(warning), r.warnings());
    }

    @Test
    void rejectsHdlAboveTotalCholesterol() {
        Map<String, InputValue> m = with(tableA("male", "white"), "hdlCholesterol", q("90", "mg/dL"));
        m.put("totalCholesterol", q("85", "mg/dL"));
        ScoreResult r = compute(m);
        assertEquals(ScoreStatus.INVALID_INPUT, r.status());
        assertEquals(List.of("hdlCholesterol 90 mg/dL is higher than totalCholesterol 85 mg/dL, which is impossible "
                + "(HDL is part of total cholesterol)"), r.warnings());
    }

    @Test
    void rejectsUnknownChoicesAndWrongTypes() {
        ScoreResult sex = compute(with(tableA("male", "white"), "sex", c("unknown")));
        assertEquals(ScoreStatus.INVALID_INPUT, sex.status());
        assertEquals(List.of("sex must be one of female|male"), sex.warnings());
        ScoreResult race = compute(with(tableA("male", "white"), "race", c("asian")));
        assertEquals(List.of("race must be one of white|african_american|other"), race.warnings());
        ScoreResult smoker = compute(with(tableA("male", "white"), "smoker", c("yes")));
        assertEquals(ScoreStatus.INVALID_INPUT, smoker.status());
        assertEquals(List.of("smoker must be a yes/no flag"), smoker.warnings());
        ScoreResult age = compute(with(tableA("male", "white"), "age", f(true)));
        assertEquals(List.of("age must be a quantity in a"), age.warnings());
    }

    @Test
    void invalidInputStillListsWhatIsMissing() {
        ScoreResult r = compute(without(with(tableA("male", "white"), "age", q("-5", "a")), "smoker"));
        assertEquals(ScoreStatus.INVALID_INPUT, r.status());
        assertEquals(List.of("smoker"), r.missing());
    }

    @Test
    void carriesIdVersionAndSource() {
        ScoreResult r = compute(tableA("female", "white"));
        assertEquals("pce", r.id());
        assertEquals("1.0.0", r.version());
        assertTrue(r.source().startsWith("Goff DC Jr, Lloyd-Jones DM, Bennett G, et al. 2013 ACC/AHA Guideline"));
        assertEquals("pce", score.id());
    }
}
