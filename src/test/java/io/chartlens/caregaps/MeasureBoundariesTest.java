package io.chartlens.caregaps;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every measure's population boundaries ({@link MeasureBoundaryCases}) through the CQL engine. */
class MeasureBoundariesTest {

    @BeforeAll
    static void translate() {
        MeasureFixtures.evaluator().prepare();
    }

    static List<MeasureBoundaryCases.Case> cases() {
        return MeasureBoundaryCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void boundary(MeasureBoundaryCases.Case c) {
        CareGapEvaluator evaluator = MeasureFixtures.evaluator();
        if (!MeasureFixtures.versions().ids().contains(c.measureId())) {
            throw new AssertionError(c + ": no measure " + c.measureId());
        }
        MeasureDefinition measure = MeasureFixtures.versions().resolve(c.measureId(), null).rule();
        CareGap gap = evaluator.evaluate(measure, c.patient().bundle, c.patient().id, c.period());
        String context = c + " (status " + gap.status() + ", due " + gap.dueDate().orElse(null) + ", memberships "
                + gap.memberships() + ", reasons " + gap.reasons() + ")";
        assertFalse(gap.memberships().isEmpty(), "no population memberships for " + context);
        Set<MeasurePopulation> groupOne = gap.memberships().get(0).members().isEmpty()
                ? EnumSet.noneOf(MeasurePopulation.class) : EnumSet.copyOf(gap.memberships().get(0).members());
        assertAll(c.toString(),
                () -> assertEquals(c.expected(), gap.status(), "status of " + context),
                () -> assertEquals(c.expectedPopulations(), groupOne, "group-1 populations of " + context),
                () -> {
                    if (c.expectedDue() != null) {
                        assertEquals(c.expectedDue(), gap.dueDate().orElse(null), "due date of " + context);
                    }
                });
    }
}
