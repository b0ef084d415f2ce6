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

/** HOSPITAL score (Donzé et al., JAMA Intern Med 2013;173:632-8, points table), from the shipped hospital.json. */
class HospitalScoreTest {

    private static final String LOW = "low (HOSPITAL 0-4)";
    private static final String INTERMEDIATE = "intermediate (HOSPITAL 5-6)";
    private static final String HIGH = "high (HOSPITAL >= 7)";

    private static HospitalScore score;

    @BeforeAll
    static void load() throws IOException {
        score = new HospitalScore(ScoreDefinition.parse(Files.readString(Path.of("smart-config/scores/hospital.json"))));
    }

    /** Normal labs, no oncology, no procedure, elective, no prior admissions, 2-day stay: 0 points. */
    private static Map<String, InputValue> base() {
        Map<String, InputValue> m = new HashMap<>();
        m.put("hemoglobin", q("14", "g/dL"));
        m.put("oncologyDischarge", new InputValue.Flag(false));
        m.put("sodium", q("140", "mmol/L"));
        m.put("procedureDuringStay", new InputValue.Flag(false));
        m.put("urgentAdmission", new InputValue.Flag(false));
        m.put("admissionsPrior12Months", q("0", "{admissions}"));
        m.put("lengthOfStayDays", q("2", "d"));
        return m;
    }

    private static InputValue q(String v, String unit) {
        return new InputValue.Quantity(new BigDecimal(v), unit);
    }

    private static ScoreResult run(Map<String, InputValue> m) {
        return score.compute(new ScoreInputs(m));
    }

    private static BigDecimal bd(int v) {
        return BigDecimal.valueOf(v);
    }

    @Test
    void nothingAbnormalScoresZero() {
        ScoreResult r = run(base());
        assertEquals(ScoreStatus.OK, r.status());
        assertEquals(bd(0), r.value());
        assertEquals(LOW, r.band());
        assertEquals("points", r.unit());
        assertEquals(List.of("hemoglobin", "oncologyDischarge", "sodium", "procedureDuringStay", "urgentAdmission",
                "admissionsPrior12Months", "lengthOfStayDays"), List.copyOf(r.itemScores().keySet()));
    }

    @Test
    void everyItemAtItsWorstGivesTheMaximumOfThirteen() {
        Map<String, InputValue> m = base();
        m.put("hemoglobin", q("9", "g/dL"));
        m.put("oncologyDischarge", new InputValue.Flag(true));
        m.put("sodium", q("130", "mmol/L"));
        m.put("procedureDuringStay", new InputValue.Flag(true));
        m.put("urgentAdmission", new InputValue.Flag(true));
        m.put("admissionsPrior12Months", q("8", "{admissions}"));
        m.put("lengthOfStayDays", q("10", "d"));
        ScoreResult r = run(m);
        assertEquals(bd(13), r.value());
        assertEquals(Map.of("hemoglobin", bd(1), "oncologyDischarge", bd(2), "sodium", bd(1), "procedureDuringStay",
                bd(1), "urgentAdmission", bd(1), "admissionsPrior12Months", bd(5), "lengthOfStayDays", bd(2)),
                r.itemScores());
        assertEquals(HIGH, r.band());
    }

    @ParameterizedTest(name = "Hb {0} g/dL -> {1}")
    @CsvSource({"1,1", "11.9,1", "11.99,1", "12,0", "12.1,0", "26,0"})
    void hemoglobinBelow12ScoresOne(String hb, int points) {
        Map<String, InputValue> m = base();
        m.put("hemoglobin", q(hb, "g/dL"));
        assertEquals(bd(points), run(m).itemScores().get("hemoglobin"));
        assertEquals(bd(points), run(m).value());
    }

    @ParameterizedTest(name = "Na {0} mmol/L -> {1}")
    @CsvSource({"90,1", "134,1", "134.9,1", "135,0", "136,0", "200,0"})
    void sodiumBelow135ScoresOne(String na, int points) {
        Map<String, InputValue> m = base();
        m.put("sodium", q(na, "mmol/L"));
        assertEquals(bd(points), run(m).itemScores().get("sodium"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"oncologyDischarge,2", "procedureDuringStay,1", "urgentAdmission,1"})
    void flagsAddTheirPublishedPoints(String flag, int points) {
        Map<String, InputValue> m = base();
        m.put(flag, new InputValue.Flag(true));
        ScoreResult r = run(m);
        assertEquals(bd(points), r.itemScores().get(flag));
        assertEquals(bd(points), r.value());
    }

    @ParameterizedTest(name = "{0} admissions -> {1}")
    @CsvSource({"0,0", "1,0", "2,2", "3,2", "5,2", "6,5", "7,5", "30,5"})
    void priorAdmissionsBands(String n, int points) {
        Map<String, InputValue> m = base();
        m.put("admissionsPrior12Months", q(n, "{admissions}"));
        assertEquals(bd(points), run(m).itemScores().get("admissionsPrior12Months"));
    }

    @ParameterizedTest(name = "LOS {0} d -> {1}")
    @CsvSource({"0,0", "4,0", "4.9,0", "5,2", "6,2", "60,2"})
    void lengthOfStayOfFiveDaysOrMoreScoresTwo(String los, int points) {
        Map<String, InputValue> m = base();
        m.put("lengthOfStayDays", q(los, "d"));
        assertEquals(bd(points), run(m).itemScores().get("lengthOfStayDays"));
    }

    @ParameterizedTest(name = "total {0}")
    @CsvSource({"4,LOW", "5,INTERMEDIATE", "6,INTERMEDIATE", "7,HIGH"})
    void bandsChangeAtFiveAndSeven(int total, String band) {
        Map<String, InputValue> m = base();
        // admissions 2-5 = 2, LOS >= 5 = 2, then add 1-point items.
        m.put("admissionsPrior12Months", q("3", "{admissions}"));
        m.put("lengthOfStayDays", q("5", "d"));
        List<String> ones = List.of("urgentAdmission", "procedureDuringStay", "hemoglobin");
        for (int i = 0; i < total - 4; i++) {
            String item = ones.get(i);
            m.put(item, item.equals("hemoglobin") ? q("10", "g/dL") : new InputValue.Flag(true));
        }
        ScoreResult r = run(m);
        assertEquals(bd(total), r.value());
        assertEquals(switch (band) {
            case "LOW" -> LOW;
            case "INTERMEDIATE" -> INTERMEDIATE;
            default -> HIGH;
        }, r.band());
    }

    @Test
    void unknownDischargingServiceIsIncompleteNotNonOncology() {
        Map<String, InputValue> m = base();
        m.remove("oncologyDischarge");
        m.put("sodium", q("130", "mmol/L"));
        m.put("lengthOfStayDays", q("6", "d"));
        ScoreResult r = run(m);
        assertEquals(ScoreStatus.INCOMPLETE, r.status());
        assertNull(r.value());
        assertNull(r.band());
        assertEquals(bd(3), r.partial());
        assertEquals(List.of("oncologyDischarge"), r.missing());
        assertFalse(r.itemScores().containsKey("oncologyDischarge"));
    }

    @Test
    void stayInProgressAndMissingLabsAreListedInDefinitionOrder() {
        Map<String, InputValue> m = base();
        m.remove("lengthOfStayDays");
        m.remove("hemoglobin");
        m.remove("sodium");
        m.put("urgentAdmission", new InputValue.Flag(true));
        ScoreResult r = run(m);
        assertEquals(ScoreStatus.INCOMPLETE, r.status());
        assertEquals(bd(1), r.partial());
        assertEquals(List.of("hemoglobin", "sodium", "lengthOfStayDays"), r.missing());
    }

    @ParameterizedTest(name = "Hb {0}")
    @ValueSource(strings = {"0.5", "27", "-3"})
    void impossibleHemoglobinIsInvalid(String hb) {
        Map<String, InputValue> m = base();
        m.put("hemoglobin", q(hb, "g/dL"));
        ScoreResult r = run(m);
        assertEquals(ScoreStatus.INVALID_INPUT, r.status());
        assertNull(r.value());
        assertNull(r.partial());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).startsWith("hemoglobin: "), r.warnings().get(0));
    }

    @ParameterizedTest(name = "Na {0}")
    @ValueSource(strings = {"89", "201"})
    void impossibleSodiumIsInvalid(String na) {
        Map<String, InputValue> m = base();
        m.put("sodium", q(na, "mmol/L"));
        ScoreResult r = run(m);
        assertEquals(ScoreStatus.INVALID_INPUT, r.status());
        assertTrue(r.warnings().get(0).startsWith("sodium: "), r.warnings().get(0));
    }

    @Test
    void hemoglobinInGramsPerLitreIsRejectedNotMisread() {
        Map<String, InputValue> m = base();
        m.put("hemoglobin", q("115", "g/L"));
        ScoreResult r = run(m);
        assertEquals(ScoreStatus.INVALID_INPUT, r.status());
        assertEquals(List.of("hemoglobin: unit 'g/L' given, 'g/dL' expected"), r.warnings());
    }

    @Test
    void negativeLengthOfStayAndFractionalAdmissionsAreInvalid() {
        Map<String, InputValue> m = base();
        m.put("lengthOfStayDays", q("-2", "d"));
        m.put("admissionsPrior12Months", q("1.5", "{admissions}"));
        ScoreResult r = run(m);
        assertEquals(ScoreStatus.INVALID_INPUT, r.status());
        assertEquals(List.of("admissionsPrior12Months: 1.5 is not a whole number",
                "lengthOfStayDays: -2 d is not a possible value (at least 0)"), r.warnings());
    }
}
