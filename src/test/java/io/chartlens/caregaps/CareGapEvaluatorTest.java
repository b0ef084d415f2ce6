package io.chartlens.caregaps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every committed measure version translates, the colorectal measure's population boundaries hold through the engine,
 * and each version is evaluated with the library version it names.
 */
class CareGapEvaluatorTest {

    static final MeasurementPeriod PERIOD = new MeasurementPeriod(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));

    /** Translates the library of every configured version (the default ones and those of measures/versions/). */
    @BeforeAll
    static void translate() {
        MeasureFixtures.evaluator().prepare();
    }

    private static CareGap colorectal(TestPatient p) {
        return MeasureFixtures.evaluator().evaluate(MeasureFixtures.versions().resolve("colorectal", null).rule(),
                p.bundle, p.id, PERIOD);
    }

    @Test
    void colonoscopyDueWithinTheWindowIsAProspectiveGap() {
        TestPatient p = TestPatient.male(LocalDate.of(1964, 6, 1)).officeVisit(LocalDate.of(2024, 3, 1))
                .procedure(LocalDate.of(2015, 2, 1), TestPatient.SNOMED, "73761001");
        CareGap gap = colorectal(p);
        assertEquals(CareGapStatus.PROSPECTIVE_GAP, gap.status(), gap.reasons().toString());
        assertEquals(LocalDate.of(2025, 2, 1), gap.dueDate().orElseThrow());
        assertEquals(1, gap.evidence(Evidence.Role.NUMERATOR).size());
    }

    @Test
    void colonoscopyTenYearsBeforeIsAnOpenGap() {
        TestPatient p = TestPatient.male(LocalDate.of(1964, 6, 1)).officeVisit(LocalDate.of(2024, 3, 1))
                .procedure(LocalDate.of(2014, 12, 31), TestPatient.SNOMED, "73761001");
        assertEquals(CareGapStatus.OPEN_GAP, colorectal(p).status());
    }

    @Test
    void age45AtTheEndOfThePeriodIsNotInThePopulation() {
        TestPatient p = TestPatient.male(LocalDate.of(1979, 1, 1)).officeVisit(LocalDate.of(2024, 3, 1));
        CareGap gap = colorectal(p);
        assertEquals(CareGapStatus.NOT_APPLICABLE, gap.status());
        assertTrue(gap.reasons().get(0).contains("46-75"), gap.reasons().toString());
    }

    @Test
    void bothColorectalVersionsLiveInOneEngineAndEachEvaluatesTheLibraryVersionItNames() {
        CareGapEvaluator evaluator = MeasureFixtures.evaluator();
        MeasureDefinition current = MeasureFixtures.versions().resolve("colorectal", null).rule();
        MeasureDefinition earlier = MeasureFixtures.versions().resolve("colorectal", "0.9.0").rule();
        assertEquals(new CqlEngine.LibraryRef("ChartLensColorectal", "1.0.0"), current.library());
        assertEquals(new CqlEngine.LibraryRef("ChartLensColorectal", "0.9.0"), earlier.library());
        TestPatient p = TestPatient.male(LocalDate.of(1976, 6, 1)).officeVisit(LocalDate.of(2024, 3, 1));

        CareGap byCurrent = evaluator.evaluate(current, p.bundle, p.id, PERIOD);
        CareGap byEarlier = evaluator.evaluate(earlier, p.bundle, p.id, PERIOD);

        assertEquals(CareGapStatus.OPEN_GAP, byCurrent.status(), "48 at the end of 2024: in 1.0.0's 46-75");
        assertEquals("1.0.0", byCurrent.measure().version());
        assertEquals(CareGapStatus.NOT_APPLICABLE, byEarlier.status(), "48: not in 0.9.0's 51-75 (CMS130v10)");
        assertTrue(byEarlier.reasons().get(0).contains("51-75"), byEarlier.reasons().toString());
        assertEquals("0.9.0", byEarlier.measure().version(), "the gap carries the version evaluated");
        assertEquals(CareGapStatus.OPEN_GAP, evaluator.evaluate(current, p.bundle, p.id, PERIOD).status(),
                "evaluating 0.9.0 did not replace 1.0.0 in the engine");
    }

    @Test
    void aPatientInBothAgeRangesGetsTheSameGapFromEitherVersion() {
        CareGapEvaluator evaluator = MeasureFixtures.evaluator();
        TestPatient p = TestPatient.male(LocalDate.of(1964, 6, 1)).officeVisit(LocalDate.of(2024, 3, 1))
                .procedure(LocalDate.of(2015, 2, 1), TestPatient.SNOMED, "73761001");
        for (String version : new String[] {null, "0.9.0"}) {
            CareGap gap = evaluator.evaluate(MeasureFixtures.versions().resolve("colorectal", version).rule(),
                    p.bundle, p.id, PERIOD);
            assertEquals(CareGapStatus.PROSPECTIVE_GAP, gap.status(), version + ": " + gap.reasons());
            assertEquals(LocalDate.of(2025, 2, 1), gap.dueDate().orElseThrow(), version);
        }
    }
}
