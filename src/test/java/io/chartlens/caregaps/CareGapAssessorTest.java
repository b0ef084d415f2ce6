package io.chartlens.caregaps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Procedure;
import org.junit.jupiter.api.Test;

/** The proportion rules and the DEQM status, from expression values (no engine). */
class CareGapAssessorTest {

    static final MeasurementPeriod PERIOD = new MeasurementPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));

    static MeasureDefinition measure(MeasureDefinition.Improvement improvement) {
        Map<MeasurePopulation, String> criteria = Map.of(
                MeasurePopulation.INITIAL_POPULATION, "IP", MeasurePopulation.DENOMINATOR, "D",
                MeasurePopulation.DENOMINATOR_EXCLUSION, "DX", MeasurePopulation.DENOMINATOR_EXCEPTION, "DE",
                MeasurePopulation.NUMERATOR, "N");
        return new MeasureDefinition("m", "http://x/Measure/m", "1", "M", "spec", "http://spec", improvement,
                new CqlEngine.LibraryRef("L", "1"), List.of(new MeasureDefinition.PopulationGroup("g1", criteria,
                Map.of(MeasurePopulation.INITIAL_POPULATION, "adults with a visit"))),
                Set.of("IP", "D", "DX", "DE", "N", MeasureDefinition.DUE_DATE, MeasureDefinition.EXCLUSION_REASONS));
    }

    static CqlResults results(boolean ip, boolean d, boolean dx, boolean de, Boolean n, LocalDate due) {
        Map<String, Object> v = new HashMap<>();
        v.put("IP", ip);
        v.put("D", d);
        v.put("DX", dx);
        v.put("DE", de);
        v.put("N", n);
        if (due != null) {
            v.put(MeasureDefinition.DUE_DATE, due);
        }
        v.put(MeasureDefinition.EXCLUSION_REASONS, List.of("Hospice care"));
        return new CqlResults(v);
    }

    private final CareGapAssessor assessor = new CareGapAssessor(60);

    @Test
    void increaseMeasureMetIsClosedUnlessDueWithinTheWindow() {
        MeasureDefinition m = measure(MeasureDefinition.Improvement.INCREASE);
        assertEquals(CareGapStatus.CLOSED_GAP,
                assessor.assess(m, PERIOD, results(true, true, false, false, true, LocalDate.of(2026, 3, 2))).status());
        assertEquals(CareGapStatus.PROSPECTIVE_GAP,
                assessor.assess(m, PERIOD, results(true, true, false, false, true, LocalDate.of(2026, 3, 1))).status());
        assertEquals(CareGapStatus.OPEN_GAP,
                assessor.assess(m, PERIOD, results(true, true, false, false, false, null)).status());
    }

    @Test
    void inverseMeasureInTheNumeratorIsTheGap() {
        MeasureDefinition m = measure(MeasureDefinition.Improvement.DECREASE);
        assertEquals(CareGapStatus.OPEN_GAP, assessor.assess(m, PERIOD, results(true, true, false, false, true, null)).status());
        assertEquals(CareGapStatus.CLOSED_GAP, assessor.assess(m, PERIOD, results(true, true, false, false, false, null)).status());
    }

    @Test
    void unknownIsNotReadAsMet() {
        CareGap gap = assessor.assess(measure(MeasureDefinition.Improvement.INCREASE), PERIOD,
                results(true, true, false, false, null, null));
        assertEquals(CareGapStatus.OPEN_GAP, gap.status(), "a null numerator is not evidence of screening");
    }

    @Test
    void exclusionAndExceptionAreNotApplicableWithTheirReasons() {
        MeasureDefinition m = measure(MeasureDefinition.Improvement.INCREASE);
        CareGap excluded = assessor.assess(m, PERIOD, results(true, true, true, false, true, null));
        assertEquals(CareGapStatus.NOT_APPLICABLE, excluded.status());
        assertTrue(excluded.reasons().get(0).contains("Hospice care"), excluded.reasons().toString());
        assertTrue(!excluded.memberships().get(0).in(MeasurePopulation.NUMERATOR), "excluded patients are not counted");
        CareGap excepted = assessor.assess(m, PERIOD, results(true, true, false, true, false, null));
        assertEquals(CareGapStatus.NOT_APPLICABLE, excepted.status());
        assertTrue(excepted.memberships().get(0).in(MeasurePopulation.DENOMINATOR_EXCEPTION));
        CareGap metDespiteException = assessor.assess(m, PERIOD, results(true, true, false, true, true, null));
        assertEquals(CareGapStatus.CLOSED_GAP, metDespiteException.status(), "an exception applies only when not met");
    }

    @Test
    void outsideThePopulationSaysWhichCriteria() {
        CareGap gap = assessor.assess(measure(MeasureDefinition.Improvement.INCREASE), PERIOD,
                results(false, true, false, false, true, null));
        assertEquals(CareGapStatus.NOT_APPLICABLE, gap.status());
        assertTrue(gap.reasons().get(0).contains("adults with a visit"), gap.reasons().toString());
        assertTrue(!gap.memberships().get(0).in(MeasurePopulation.DENOMINATOR), "denominator needs the population");
    }

    @Test
    void evidenceCarriesItsDateAndDisplay() {
        Procedure p = new Procedure();
        p.setId("c1");
        p.getCode().setText("Colonoscopy");
        p.setPerformed(new DateTimeType("2016-06-01T10:00:00Z"));
        Map<String, Object> v = new HashMap<>();
        v.put(MeasureDefinition.NUMERATOR_EVIDENCE, List.of(p));
        List<Evidence> evidence = CareGapAssessor.evidence(new CqlResults(v));
        assertEquals(1, evidence.size());
        assertEquals("Procedure/c1", evidence.get(0).reference());
        assertEquals("Colonoscopy", evidence.get(0).display());
        assertEquals(LocalDate.of(2016, 6, 1), evidence.get(0).date().orElseThrow());
    }
}
