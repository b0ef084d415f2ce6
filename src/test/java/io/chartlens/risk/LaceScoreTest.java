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

/** LACE index (van Walraven et al., CMAJ 2010;182:551-7, LACE points table), from the shipped lace.json. */
class LaceScoreTest {

    private static final String LOW = "low (LACE 0-4)";
    private static final String MODERATE = "moderate (LACE 5-9)";
    private static final String HIGH = "high (LACE >= 10)";

    private static LaceScore score;

    @BeforeAll
    static void load() throws IOException {
        score = new LaceScore(ScoreDefinition.parse(Files.readString(Path.of("smart-config/scores/lace.json"))));
    }

    private static Map<String, InputValue> of(String los, boolean emergent, String charlson, String ed) {
        Map<String, InputValue> m = new HashMap<>();
        m.put("lengthOfStayDays", new InputValue.Quantity(new BigDecimal(los), "d"));
        m.put("emergentAdmission", new InputValue.Flag(emergent));
        m.put("charlsonIndex", new InputValue.Quantity(new BigDecimal(charlson), "{points}"));
        m.put("edVisitsPrior6Months", new InputValue.Quantity(new BigDecimal(ed), "{visits}"));
        return m;
    }

    private static ScoreResult run(Map<String, InputValue> m) {
        return score.compute(new ScoreInputs(m));
    }

    private static BigDecimal bd(int v) {
        return BigDecimal.valueOf(v);
    }

    @Test
    void sameDayElectiveStayWithNothingElseScoresZero() {
        ScoreResult r = run(of("0", false, "0", "0"));
        assertEquals(ScoreStatus.OK, r.status());
        assertEquals(bd(0), r.value());
        assertEquals(LOW, r.band());
        assertEquals("points", r.unit());
        assertEquals(List.of(), r.warnings());
        assertEquals(List.of("lengthOfStayDays", "emergentAdmission", "charlsonIndex", "edVisitsPrior6Months"),
                List.copyOf(r.itemScores().keySet()));
    }

    @Test
    void maximumIsNineteen() {
        ScoreResult r = run(of("30", true, "12", "9"));
        assertEquals(bd(19), r.value());
        assertEquals(Map.of("lengthOfStayDays", bd(7), "emergentAdmission", bd(3), "charlsonIndex", bd(5),
                "edVisitsPrior6Months", bd(4)), r.itemScores());
        assertEquals(HIGH, r.band());
    }

    @Test
    void fiveDayEmergentStayWithCharlsonFiveAndTwoVisitsScoresFourteen() {
        // L 4-6 d = 4, A = 3, C >= 4 = 5, E 2 = 2 -> 14.
        ScoreResult r = run(of("5", true, "5", "2"));
        assertEquals(bd(14), r.value());
        assertEquals(HIGH, r.band());
    }

    @ParameterizedTest(name = "LOS {0} d -> {1}")
    @CsvSource({"0,0", "0.9,0", "1,1", "1.5,1", "2,2", "3,3", "3.9,3", "4,4", "6,4", "6.5,4", "6.99,4", "7,5",
            "13,5", "13.9,5", "14,7", "15,7", "100,7"})
    void lengthOfStayPointsAtEveryBoundary(String los, int points) {
        ScoreResult r = run(of(los, false, "0", "0"));
        assertEquals(bd(points), r.itemScores().get("lengthOfStayDays"));
        assertEquals(bd(points), r.value());
    }

    @Test
    void emergentAdmissionScoresThree() {
        assertEquals(bd(3), run(of("0", true, "0", "0")).itemScores().get("emergentAdmission"));
        assertEquals(bd(0), run(of("0", false, "0", "0")).itemScores().get("emergentAdmission"));
    }

    @ParameterizedTest(name = "Charlson {0} -> {1}")
    @CsvSource({"0,0", "1,1", "2,2", "3,3", "4,5", "5,5", "50,5"})
    void charlsonPointsJumpToFiveAtFour(String charlson, int points) {
        ScoreResult r = run(of("0", false, charlson, "0"));
        assertEquals(bd(points), r.itemScores().get("charlsonIndex"));
    }

    @ParameterizedTest(name = "ED visits {0} -> {1}")
    @CsvSource({"0,0", "1,1", "2,2", "3,3", "4,4", "5,4", "40,4"})
    void edVisitPointsCapAtFour(String visits, int points) {
        ScoreResult r = run(of("0", false, "0", visits));
        assertEquals(bd(points), r.itemScores().get("edVisitsPrior6Months"));
    }

    @ParameterizedTest(name = "total {0} -> {1}")
    @CsvSource({
        "0,false,0,4,4,LOW",     // E 4
        "1,false,0,4,5,MODERATE", // L 1 + E 4
        "4,true,0,2,9,MODERATE", // L 4 + A 3 + E 2
        "4,true,0,3,10,HIGH",    // L 4 + A 3 + E 3
        "7,true,3,0,11,HIGH"     // L 5 + A 3 + C 3
    })
    void bandsChangeAtFiveAndTen(String los, boolean emergent, String charlson, String ed, int total, String band) {
        ScoreResult r = run(of(los, emergent, charlson, ed));
        assertEquals(bd(total), r.value());
        assertEquals(switch (band) {
            case "LOW" -> LOW;
            case "MODERATE" -> MODERATE;
            default -> HIGH;
        }, r.band());
    }

    @Test
    void stayStillInProgressIsIncompleteWithPartialPoints() {
        // inferno 908: an in-progress inpatient Encounter with no end -> no length of stay.
        Map<String, InputValue> m = of("0", true, "2", "1");
        m.remove("lengthOfStayDays");
        ScoreResult r = run(m);
        assertEquals(ScoreStatus.INCOMPLETE, r.status());
        assertNull(r.value());
        assertNull(r.band());
        assertEquals(bd(6), r.partial());
        assertEquals(List.of("lengthOfStayDays"), r.missing());
        assertFalse(r.itemScores().containsKey("lengthOfStayDays"));
    }

    @Test
    void everyMissingInputIsListedInDefinitionOrder() {
        ScoreResult r = run(new HashMap<>());
        assertEquals(ScoreStatus.INCOMPLETE, r.status());
        assertEquals(bd(0), r.partial());
        assertEquals(List.of("lengthOfStayDays", "emergentAdmission", "charlsonIndex", "edVisitsPrior6Months"),
                r.missing());
    }

    @Test
    void unknownAcuityIsMissingNotElective() {
        Map<String, InputValue> m = of("3", false, "1", "0");
        m.remove("emergentAdmission");
        ScoreResult r = run(m);
        assertEquals(ScoreStatus.INCOMPLETE, r.status());
        assertEquals(bd(4), r.partial());
        assertEquals(List.of("emergentAdmission"), r.missing());
    }

    @Test
    void negativeLengthOfStayIsInvalid() {
        ScoreResult r = run(of("-1", false, "0", "0"));
        assertEquals(ScoreStatus.INVALID_INPUT, r.status());
        assertNull(r.value());
        assertNull(r.partial());
        assertEquals(List.of("lengthOfStayDays: -1 d is not a possible value (at least 0)"), r.warnings());
    }

    @Test
    void fractionalCountsAreInvalid() {
        ScoreResult r = run(of("2", false, "1.5", "2.5"));
        assertEquals(ScoreStatus.INVALID_INPUT, r.status());
        assertEquals(List.of("charlsonIndex: 1.5 is not a whole number", "edVisitsPrior6Months: 2.5 is not a whole number"),
                r.warnings());
    }

    @Test
    void wholeNumbersWrittenWithDecimalsAreAccepted() {
        assertEquals(ScoreStatus.OK, run(of("2", false, "2.0", "1.00")).status());
    }

    @Test
    void negativeCountsAndImpossibleCharlsonAreInvalid() {
        ScoreResult r = run(of("2", false, "51", "-1"));
        assertEquals(ScoreStatus.INVALID_INPUT, r.status());
        assertEquals(2, r.warnings().size());
        assertTrue(r.warnings().get(0).startsWith("charlsonIndex: "));
        assertTrue(r.warnings().get(1).startsWith("edVisitsPrior6Months: "));
    }

    @Test
    void lengthOfStayInHoursIsInvalid() {
        Map<String, InputValue> m = of("2", false, "0", "0");
        m.put("lengthOfStayDays", new InputValue.Quantity(new BigDecimal("48"), "h"));
        ScoreResult r = run(m);
        assertEquals(ScoreStatus.INVALID_INPUT, r.status());
        assertEquals(List.of("lengthOfStayDays: unit 'h' given, 'd' expected"), r.warnings());
    }
}
