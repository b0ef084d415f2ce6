package io.chartlens.caregaps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.risk.ActiveVersion;
import io.chartlens.risk.VersionResolution;
import io.chartlens.testsupport.CapturedLog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Care gaps evaluate the measure versions active when an evaluation starts (issue #9): the administrator's choice, the
 * default without one, and the default with a warning when the chosen version is not configured.
 */
class CareGapsTest {

    private static final MeasurementPeriod PERIOD = CareGapEvaluatorTest.PERIOD;

    @Test
    void evaluatesTheChosenVersionThenTheDefaultOnceTheChoiceIsRemoved() {
        Map<String, String> chosen = new HashMap<>();
        List<List<String>> asked = new ArrayList<>();
        CareGaps careGaps = new CareGaps(MeasureFixtures.versions(), MeasureFixtures.evaluator(), ids -> {
            asked.add(ids);
            return Map.copyOf(chosen);
        });
        TestPatient p = TestPatient.female(LocalDate.of(1976, 6, 1)).officeVisit(LocalDate.of(2024, 3, 1));

        CareGap before = colorectal(careGaps.evaluate(p.bundle, p.id, PERIOD, List.of()));
        assertEquals("1.0.0", before.measure().version());
        assertEquals(CareGapStatus.OPEN_GAP, before.status(), "48: in 1.0.0's 46-75");
        assertEquals(MeasureFixtures.versions().ids(), asked.get(0));
        List<MeasureDefinition> defaults = careGaps.measures();
        assertSame(defaults, careGaps.measures(), "unchanged choices: the resolved versions are reused");

        chosen.put("colorectal", "0.9.0");
        CareGapReport report = careGaps.evaluate(p.bundle, p.id, PERIOD, List.of());
        CareGap chosenGap = colorectal(report);
        assertEquals("0.9.0", chosenGap.measure().version(), "the gap carries the version it was evaluated with");
        assertEquals(CareGapStatus.NOT_APPLICABLE, chosenGap.status(), "48: not in 0.9.0's 51-75");
        assertEquals(Set.copyOf(MeasureFixtures.versions().ids()),
                report.gaps().stream().map(g -> g.measure().id()).collect(Collectors.toSet()),
                "every measure, the others in their default version");
        MeasureVersions versions = MeasureFixtures.versions();
        assertTrue(report.gaps().stream().filter(g -> !g.measure().id().equals("colorectal"))
                .allMatch(g -> g.measure().version().equals(versions.defaultVersion(g.measure().id()))));
        assertEquals(VersionResolution.CHOSEN, active(careGaps).resolution());
        assertEquals("0.9.0", careGaps.measures().stream().filter(m -> m.id().equals("colorectal")).findFirst()
                .orElseThrow().version());

        chosen.clear();
        CareGap after = colorectal(careGaps.evaluate(p.bundle, p.id, PERIOD, List.of()));
        assertEquals("1.0.0", after.measure().version());
        assertEquals(CareGapStatus.OPEN_GAP, after.status());
        assertEquals(VersionResolution.DEFAULT, active(careGaps).resolution());
    }

    @Test
    void aChosenVersionThatIsNotConfiguredEvaluatesTheDefaultAndSaysSoOnceWithoutPatientData() {
        try (CapturedLog log = CapturedLog.of(CareGaps.class)) {
            CareGaps careGaps = new CareGaps(MeasureFixtures.versions(), MeasureFixtures.evaluator(),
                    ids -> Map.of("colorectal", "0.8.0"));
            TestPatient p = TestPatient.male("pat-5521", LocalDate.of(1976, 6, 1))
                    .officeVisit(LocalDate.of(2024, 3, 1));

            CareGap gap = colorectal(careGaps.evaluate(p.bundle, p.id, PERIOD, List.of()));
            careGaps.measures();

            assertEquals("1.0.0", gap.measure().version());
            assertEquals(CareGapStatus.OPEN_GAP, gap.status());
            ActiveVersion<MeasureDefinition> active = active(careGaps);
            assertEquals(VersionResolution.CHOSEN_VERSION_UNKNOWN, active.resolution());
            assertEquals("0.8.0", active.chosen());
            List<String> warnings = log.warnings();
            assertEquals(List.of("Care-gap measure colorectal: the chosen version 0.8.0 is not configured; evaluating"
                    + " the default 1.0.0. Activate a configured version on the admin page."), warnings);
            assertTrue(warnings.stream().noneMatch(w -> w.contains("pat-5521")));
        }
    }

    private static CareGap colorectal(CareGapReport report) {
        return report.gaps().stream().filter(g -> g.measure().id().equals("colorectal")).findFirst().orElseThrow();
    }

    private static ActiveVersion<MeasureDefinition> active(CareGaps careGaps) {
        return careGaps.active().stream().filter(a -> a.id().equals("colorectal")).findFirst().orElseThrow();
    }
}
