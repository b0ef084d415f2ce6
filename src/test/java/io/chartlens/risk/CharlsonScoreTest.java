package io.chartlens.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CharlsonScoreTest {

    private static final List<String> CONDITIONS = List.of("myocardialInfarction", "congestiveHeartFailure",
            "peripheralVascularDisease", "cerebrovascularDisease", "dementia", "chronicPulmonaryDisease",
            "connectiveTissueDisease", "pepticUlcerDisease", "mildLiverDisease", "diabetesUncomplicated", "hemiplegia",
            "moderateSevereRenalDisease", "diabetesWithEndOrganDamage", "anyTumor", "leukemia", "lymphoma",
            "moderateSevereLiverDisease", "metastaticSolidTumor", "aids");

    private static CharlsonScore score;

    @BeforeAll
    static void load() throws Exception {
        score = new CharlsonScore(ScoreDefinition.parse(Files.readString(Path.of("smart-config/scores/charlson.json"))));
    }

    /** Every condition recorded as false, age 45 (0 age points), plus the given conditions true. */
    private static Map<String, InputValue> with(String... present) {
        Map<String, InputValue> m = new HashMap<>();
        CONDITIONS.forEach(c -> m.put(c, new InputValue.Flag(false)));
        for (String c : present) {
            m.put(c, new InputValue.Flag(true));
        }
        m.put("age", age("45"));
        return m;
    }

    private static InputValue age(String years) {
        return new InputValue.Quantity(new BigDecimal(years), "a");
    }

    private static ScoreResult compute(Map<String, InputValue> m) {
        return score.compute(new ScoreInputs(m));
    }

    private static BigDecimal item(ScoreResult r, String name) {
        return r.itemScores().get(name);
    }

    @Test
    void noConditionsScoresZero() {
        ScoreResult r = compute(with());
        assertEquals(ScoreStatus.OK, r.status());
        assertEquals(BigDecimal.ZERO, r.value());
        assertEquals("0", r.band());
        assertEquals("points", r.unit());
        assertNull(r.partial());
        assertEquals(List.of(), r.missing());
        assertEquals(List.of(), r.warnings());
        Map<String, BigDecimal> expected = new LinkedHashMap<>();
        CONDITIONS.forEach(c -> expected.put(c, BigDecimal.ZERO));
        expected.put("quan2011Total", BigDecimal.ZERO);
        expected.put("agePoints", BigDecimal.ZERO);
        expected.put("ageAdjustedTotal", BigDecimal.ZERO);
        assertEquals(expected, r.itemScores());
        assertEquals(List.copyOf(expected.keySet()), new ArrayList<>(r.itemScores().keySet()));
    }

    // Charlson 1987 weights and Quan 2011 updated weights, one condition at a time.
    @ParameterizedTest
    @CsvSource({
        "myocardialInfarction, 1, 0, 1-2",
        "congestiveHeartFailure, 1, 2, 1-2",
        "peripheralVascularDisease, 1, 0, 1-2",
        "cerebrovascularDisease, 1, 0, 1-2",
        "dementia, 1, 2, 1-2",
        "chronicPulmonaryDisease, 1, 1, 1-2",
        "connectiveTissueDisease, 1, 1, 1-2",
        "pepticUlcerDisease, 1, 0, 1-2",
        "mildLiverDisease, 1, 2, 1-2",
        "diabetesUncomplicated, 1, 0, 1-2",
        "hemiplegia, 2, 2, 1-2",
        "moderateSevereRenalDisease, 2, 1, 1-2",
        "diabetesWithEndOrganDamage, 2, 1, 1-2",
        "anyTumor, 2, 2, 1-2",
        "leukemia, 2, 2, 1-2",
        "lymphoma, 2, 2, 1-2",
        "moderateSevereLiverDisease, 3, 4, 3-4",
        "metastaticSolidTumor, 6, 6, >=5",
        "aids, 6, 4, >=5"})
    void weighsEachConditionAsPublished(String condition, int points1987, int pointsQuan, String band) {
        ScoreResult r = compute(with(condition));
        assertEquals(ScoreStatus.OK, r.status());
        assertEquals(BigDecimal.valueOf(points1987), r.value());
        assertEquals(BigDecimal.valueOf(points1987), item(r, condition));
        assertEquals(BigDecimal.valueOf(pointsQuan), item(r, "quan2011Total"));
        assertEquals(band, r.band());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void diabetesWithEndOrganDamageSupersedesUncomplicated() {
        ScoreResult r = compute(with("diabetesUncomplicated", "diabetesWithEndOrganDamage"));
        assertEquals(new BigDecimal("2"), r.value());
        assertEquals(BigDecimal.ZERO, item(r, "diabetesUncomplicated"));
        assertEquals(new BigDecimal("2"), item(r, "diabetesWithEndOrganDamage"));
        assertEquals(new BigDecimal("1"), item(r, "quan2011Total"));
        assertEquals(List.of("diabetesUncomplicated not counted: superseded by diabetesWithEndOrganDamage"),
                r.warnings());
    }

    @Test
    void severeLiverDiseaseSupersedesMild() {
        ScoreResult r = compute(with("mildLiverDisease", "moderateSevereLiverDisease"));
        assertEquals(new BigDecimal("3"), r.value());
        assertEquals(new BigDecimal("4"), item(r, "quan2011Total"));
        assertEquals(List.of("mildLiverDisease not counted: superseded by moderateSevereLiverDisease"), r.warnings());
    }

    @Test
    void metastaticTumourSupersedesAnyTumour() {
        ScoreResult r = compute(with("anyTumor", "metastaticSolidTumor"));
        assertEquals(new BigDecimal("6"), r.value());
        assertEquals(BigDecimal.ZERO, item(r, "anyTumor"));
        assertEquals(new BigDecimal("6"), item(r, "quan2011Total"));
        assertEquals(List.of("anyTumor not counted: superseded by metastaticSolidTumor"), r.warnings());
    }

    @Test
    void lymphomaBesideMetastasesCountsIn1987ButNotInQuan() {
        ScoreResult r = compute(with("lymphoma", "metastaticSolidTumor"));
        assertEquals(new BigDecimal("8"), r.value());
        assertEquals(new BigDecimal("6"), item(r, "quan2011Total"));
        assertEquals(List.of("anyMalignancy not counted in the Quan 2011 total: superseded by metastaticSolidTumor"),
                r.warnings());
    }

    @Test
    void quanCountsAnyMalignancyOnce() {
        ScoreResult r = compute(with("anyTumor", "leukemia", "lymphoma"));
        assertEquals(new BigDecimal("6"), r.value());
        assertEquals(new BigDecimal("2"), item(r, "quan2011Total"));
    }

    @Test
    void everyConditionGivesThePublishedMaximaAfterTheHierarchy() {
        ScoreResult r = compute(with(CONDITIONS.toArray(String[]::new)));
        // 1987: 37 when every weight is summed, minus the superseded mild liver (1), uncomplicated diabetes (1) and
        // any tumour (2) = 33. Quan 2011: published maximum 24.
        assertEquals(new BigDecimal("33"), r.value());
        assertEquals(new BigDecimal("24"), item(r, "quan2011Total"));
        assertEquals(">=5", r.band());
    }

    // Bands of the 1987 derivation cohort: 0, 1-2, 3-4, >=5.
    @ParameterizedTest
    @CsvSource({
        "'', 0, 0",
        "myocardialInfarction, 1, 1-2",
        "'myocardialInfarction,dementia', 2, 1-2",
        "'myocardialInfarction,hemiplegia', 3, 3-4",
        "'hemiplegia,leukemia', 4, 3-4",
        "'hemiplegia,leukemia,dementia', 5, >=5",
        "aids, 6, >=5"})
    void bandsAtEveryThreshold(String present, int total, String band) {
        ScoreResult r = compute(with(present.isEmpty() ? new String[0] : present.split(",")));
        assertEquals(BigDecimal.valueOf(total), r.value());
        assertEquals(band, r.band());
    }

    // Age points (Charlson 1987 combined age-comorbidity score): 50-59 = 1, 60-69 = 2, 70-79 = 3, >=80 = 4.
    @ParameterizedTest
    @CsvSource({"18, 0", "49, 0", "49.9, 0", "50, 1", "59, 1", "60, 2", "69, 2", "70, 3", "79, 3", "80, 4",
            "95, 4", "130, 4"})
    void addsAgePointsSeparately(String years, int points) {
        Map<String, InputValue> m = with("congestiveHeartFailure");
        m.put("age", age(years));
        ScoreResult r = compute(m);
        assertEquals(BigDecimal.ONE, r.value());
        assertEquals(BigDecimal.valueOf(points), item(r, "agePoints"));
        assertEquals(BigDecimal.valueOf(1 + points), item(r, "ageAdjustedTotal"));
        assertEquals("1-2", r.band());
    }

    @Test
    void missingAgeLeavesOnlyTheAgeAdjustedIndexOut() {
        Map<String, InputValue> m = with("dementia");
        m.remove("age");
        ScoreResult r = compute(m);
        assertEquals(ScoreStatus.OK, r.status());
        assertEquals(BigDecimal.ONE, r.value());
        assertEquals(List.of("age"), r.missing());
        assertNull(item(r, "agePoints"));
        assertNull(item(r, "ageAdjustedTotal"));
        assertEquals(new BigDecimal("2"), item(r, "quan2011Total"));
        assertEquals(List.of("age missing: the age-adjusted index is not given"), r.warnings());
    }

    @Test
    void absentConditionsAreReadAsNotPresentAndNamed() {
        Map<String, InputValue> m = new HashMap<>();
        m.put("age", age("72"));
        m.put("congestiveHeartFailure", new InputValue.Flag(true));
        m.put("dementia", new InputValue.Flag(false));
        ScoreResult r = compute(m);
        assertEquals(ScoreStatus.OK, r.status());
        assertEquals(BigDecimal.ONE, r.value());
        assertEquals(new BigDecimal("4"), item(r, "ageAdjustedTotal"));
        List<String> expected = new ArrayList<>();
        CONDITIONS.stream().filter(c -> !c.equals("congestiveHeartFailure") && !c.equals("dementia"))
                .forEach(c -> expected.add(c + ": read as not present: no coded condition found"));
        assertEquals(expected, r.warnings());
        assertEquals(List.of(), r.missing());
    }

    @Test
    void nothingRecordedAtAllIsZeroWithEveryConditionNamed() {
        ScoreResult r = compute(Map.of());
        assertEquals(ScoreStatus.OK, r.status());
        assertEquals(BigDecimal.ZERO, r.value());
        assertEquals(List.of("age"), r.missing());
        assertEquals(20, r.warnings().size());
    }

    @ParameterizedTest
    @CsvSource({"17.9, 17", "0, 0", "10, 10"})
    void childrenAreNotApplicable(String years, int completed) {
        Map<String, InputValue> m = with("congestiveHeartFailure");
        m.put("age", age(years));
        ScoreResult r = compute(m);
        assertEquals(ScoreStatus.NOT_APPLICABLE, r.status());
        assertNull(r.value());
        assertNull(r.band());
        assertEquals(List.of("The Charlson index was derived and validated in adults; age " + completed
                + " is below 18."), r.warnings());
    }

    @Test
    void rejectsImpossibleAgeAndWrongTypes() {
        Map<String, InputValue> m = with();
        m.put("age", age("-1"));
        assertEquals(List.of("age -1 a is not a possible value (0-130 a)"), compute(m).warnings());
        assertEquals(ScoreStatus.INVALID_INPUT, compute(m).status());
        m.put("age", age("131"));
        assertEquals(List.of("age 131 a is not a possible value (0-130 a)"), compute(m).warnings());
        m.put("age", new InputValue.Quantity(BigDecimal.TEN, "mo"));
        assertEquals(List.of("age must be a quantity in a (years)"), compute(m).warnings());
        Map<String, InputValue> flag = with();
        flag.put("aids", new InputValue.Choice("yes"));
        ScoreResult r = compute(flag);
        assertEquals(ScoreStatus.INVALID_INPUT, r.status());
        assertNull(r.value());
        assertEquals(List.of("aids must be a yes/no flag"), r.warnings());
    }

    @Test
    void carriesIdVersionAndSource() {
        ScoreResult r = compute(with());
        assertEquals("charlson", r.id());
        assertEquals("1.0.0", r.version());
        assertEquals(score.definition().source(), r.source());
        assertEquals(20, score.definition().inputs().size());
    }
}
