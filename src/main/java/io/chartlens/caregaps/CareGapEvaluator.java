package io.chartlens.caregaps;

import io.chartlens.system.telemetry.SpanAttributes;
import io.chartlens.system.telemetry.Telemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Evaluates every configured measure for one patient's record. Each measure is evaluated on its own: an engine
 * error marks that measure {@link CareGapStatus#FAILED} with its reason and the others still report.
 *
 * <p>Traced: one {@code care-gaps.evaluate} span per record with a {@code cql.measure} span per measure, carrying the
 * measure's id and version, its library and whether the engine evaluated it. Not the gap status, which is a fact
 * about the patient, and not the patient.
 */
public final class CareGapEvaluator {

    private static final Logger LOG = Logger.getLogger(CareGapEvaluator.class.getName());
    static final AttributeKey<String> MEASURE_ID = AttributeKey.stringKey("chartlens.measure.id");
    static final AttributeKey<String> MEASURE_VERSION = AttributeKey.stringKey("chartlens.measure.version");
    static final AttributeKey<String> LIBRARY = AttributeKey.stringKey("chartlens.cql.library");
    /** {@code evaluated} or {@code failed}: whether the engine produced results, not what they say. */
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("chartlens.cql.outcome");

    private final List<MeasureDefinition> measures;
    private final CqlEngine engine;
    private final CareGapAssessor assessor;
    private final Tracer tracer;

    public CareGapEvaluator(List<MeasureDefinition> measures, CqlEngine engine, CareGapAssessor assessor) {
        this(measures, engine, assessor, Telemetry.noop().tracer());
    }

    public CareGapEvaluator(List<MeasureDefinition> measures, CqlEngine engine, CareGapAssessor assessor,
                            Tracer tracer) {
        this.measures = List.copyOf(measures);
        this.engine = engine;
        this.assessor = assessor;
        this.tracer = tracer;
    }

    /** Builds the evaluator on the CQF engine for the given content. */
    public static CareGapEvaluator onCqfEngine(MeasureContent content, int prospectiveDays) {
        return new CareGapEvaluator(content.measures(), new CqfCqlEngine(content), new CareGapAssessor(prospectiveDays));
    }

    /** Builds the evaluator on the CQF engine for the given content, traced with {@code tracer}. */
    public static CareGapEvaluator onCqfEngine(MeasureContent content, int prospectiveDays, Tracer tracer) {
        return new CareGapEvaluator(content.measures(), new CqfCqlEngine(content), new CareGapAssessor(prospectiveDays),
                tracer);
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
        Span span = tracer.spanBuilder("care-gaps.evaluate").setAttribute("chartlens.measures", measures.size())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            List<CareGap> gaps = new ArrayList<>();
            for (MeasureDefinition measure : measures) {
                gaps.add(evaluate(measure, record, patientId, period));
            }
            return gaps;
        } finally {
            span.end();
        }
    }

    public CareGap evaluate(MeasureDefinition measure, Bundle record, String patientId, MeasurementPeriod period) {
        Span span = tracer.spanBuilder("cql.measure")
                .setAttribute(MEASURE_ID, measure.id())
                .setAttribute(MEASURE_VERSION, String.valueOf(measure.version()))
                .setAttribute(LIBRARY, measure.library().toString())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            CqlResults results = engine.evaluate(measure.library(), record, patientId, period,
                    measure.expressionsToEvaluate());
            span.setAttribute(OUTCOME, "evaluated");
            return assessor.assess(measure, period, results);
        } catch (CqlEvaluationException e) {
            // the engine's message names expressions and types, not patient data (the span does not keep it anyway)
            span.setAttribute(OUTCOME, "failed");
            SpanAttributes.failed(span, CqlEvaluationException.class.getName());
            LOG.warning("Care-gap measure " + measure.id() + " failed: " + e.getMessage());
            return CareGap.failed(measure, period, "The measure could not be evaluated: " + e.getMessage());
        } catch (RuntimeException e) {
            SpanAttributes.failed(span, e.getClass().getName());
            throw e;
        } finally {
            span.end();
        }
    }
}
