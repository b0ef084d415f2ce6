package io.chartlens.caregaps;

import io.chartlens.risk.ActiveVersion;
import io.chartlens.system.telemetry.Telemetry;
import io.chartlens.testsupport.WorkingTreeConfig;
import java.util.List;
import java.util.Map;

/**
 * The committed measure content, read from {@code smart-config/} in the working tree, with every configured version,
 * and one shared evaluator whose engine holds the library of every version. Public for the benchmark
 * ({@code bench/CareGapBench}).
 */
public final class MeasureFixtures {

    private static MeasureVersions versions;
    private static CareGapEvaluator evaluator;

    private MeasureFixtures() {
    }

    /** Every configured version of every committed measure, loaded once. */
    public static synchronized MeasureVersions versions() {
        if (versions == null) {
            versions = MeasureVersions.load(WorkingTreeConfig.INSTANCE::read, WorkingTreeConfig.INSTANCE::list);
        }
        return versions;
    }

    /**
     * The default version of every measure, in configuration order: the active versions when no administrator has
     * chosen any (what {@link CareGapEvaluator#evaluate(org.hl7.fhir.r4.model.Bundle, String, MeasurementPeriod)}
     * evaluates).
     */
    public static List<MeasureDefinition> defaults() {
        return versions().resolveAll(Map.of()).values().stream().map(ActiveVersion::rule).toList();
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
