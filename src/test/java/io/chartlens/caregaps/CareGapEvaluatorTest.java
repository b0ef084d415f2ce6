package io.chartlens.caregaps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every committed measure translates, and the colorectal measure's population boundaries hold through the engine. */
class CareGapEvaluatorTest {

    static final MeasurementPeriod PERIOD = new MeasurementPeriod(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));

    @BeforeAll
    static void translate() {
        MeasureFixtures.evaluator().prepare();
    }

    private static CareGap colorectal(TestPatient p) {
        CareGapEvaluator e = MeasureFixtures.evaluator();
        return e.evaluate(e.measure("colorectal").orElseThrow(), p.bundle, p.id, PERIOD);
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
}
