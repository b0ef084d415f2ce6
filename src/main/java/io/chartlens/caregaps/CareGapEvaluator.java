package io.chartlens.caregaps;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Evaluates every configured measure for one patient's record. Each measure is evaluated on its own: an engine
 * error marks that measure {@link CareGapStatus#FAILED} with its reason and the others still report.
 */
public final class CareGapEvaluator {

    private static final Logger LOG = Logger.getLogger(CareGapEvaluator.class.getName());

    private final List<MeasureDefinition> measures;
    private final CqlEngine engine;
    private final CareGapAssessor assessor;

    public CareGapEvaluator(List<MeasureDefinition> measures, CqlEngine engine, CareGapAssessor assessor) {
        this.measures = List.copyOf(measures);
        this.engine = engine;
        this.assessor = assessor;
    }

    /** Builds the evaluator on the CQF engine for the given content. */
    public static CareGapEvaluator onCqfEngine(MeasureContent content, int prospectiveDays) {
        return new CareGapEvaluator(content.measures(), new CqfCqlEngine(content), new CareGapAssessor(prospectiveDays));
    }

    public List<MeasureDefinition> measures() {
        return measures;
    }

    public Optional<MeasureDefinition> measure(String id) {
        return measures.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** Translates every library once, so the first patient does not pay for it; fails with the translator's reason. */
    public void prepare() {
        measures.stream().map(MeasureDefinition::library).distinct().forEach(engine::prepare);
    }

    /** One care gap per measure, in configuration order. */
    public List<CareGap> evaluate(Bundle record, String patientId, MeasurementPeriod period) {
        List<CareGap> gaps = new ArrayList<>();
        for (MeasureDefinition measure : measures) {
            gaps.add(evaluate(measure, record, patientId, period));
        }
        return gaps;
    }

    public CareGap evaluate(MeasureDefinition measure, Bundle record, String patientId, MeasurementPeriod period) {
        try {
            CqlResults results = engine.evaluate(measure.library(), record, patientId, period,
                    measure.expressionsToEvaluate());
            return assessor.assess(measure, period, results);
        } catch (CqlEvaluationException e) {
            // the engine's message names expressions and types, not patient data
            LOG.warning("Care-gap measure " + measure.id() + " failed: " + e.getMessage());
            return CareGap.failed(measure, period, "The measure could not be evaluated: " + e.getMessage());
        }
    }
}
