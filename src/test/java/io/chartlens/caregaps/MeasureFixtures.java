package io.chartlens.caregaps;

import io.chartlens.testsupport.WorkingTreeConfig;

/** The committed measure content, read from {@code smart-config/} in the working tree, and one shared evaluator. */
final class MeasureFixtures {

    private static MeasureContent content;
    private static CareGapEvaluator evaluator;

    private MeasureFixtures() {
    }

    static synchronized MeasureContent content() {
        if (content == null) {
            content = MeasureContent.load(WorkingTreeConfig.INSTANCE::read, WorkingTreeConfig.INSTANCE::list);
        }
        return content;
    }

    static synchronized CareGapEvaluator evaluator() {
        if (evaluator == null) {
            evaluator = CareGapEvaluator.onCqfEngine(content(), 60);
        }
        return evaluator;
    }
}
