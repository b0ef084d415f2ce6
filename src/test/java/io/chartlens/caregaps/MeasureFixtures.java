package io.chartlens.caregaps;

import io.chartlens.system.telemetry.Telemetry;
import io.chartlens.testsupport.WorkingTreeConfig;

/**
 * The committed measure content, read from {@code smart-config/} in the working tree, with every configured version,
 * and one shared evaluator whose engine holds the library of every version.
 */
final class MeasureFixtures {

    private static MeasureVersions versions;
    private static CareGapEvaluator evaluator;

    private MeasureFixtures() {
    }

    static synchronized MeasureVersions versions() {
        if (versions == null) {
            versions = MeasureVersions.load(WorkingTreeConfig.INSTANCE::read, WorkingTreeConfig.INSTANCE::list);
        }
        return versions;
    }

    static MeasureContent content() {
        return versions().content();
    }

    static synchronized CareGapEvaluator evaluator() {
        if (evaluator == null) {
            evaluator = CareGapEvaluator.onCqfEngine(versions(), 60, Telemetry.noop().tracer());
        }
        return evaluator;
    }
}
