package io.chartlens.caregaps;

import io.chartlens.system.telemetry.SpanAttributes;
import io.chartlens.system.telemetry.Telemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Evaluates care-gap measures for one patient's record. Each measure is evaluated on its own: an engine error marks
 * that measure {@link CareGapStatus#FAILED} with its reason and the others still report.
 *
 * <p>Versioned (issue #9): the engine holds the library of every configured version, and {@link #prepare()}
 * translates them all. Which version of each measure to evaluate is the caller's: {@link CareGaps} passes the active
 * versions to {@link #evaluate(List, Bundle, String, MeasurementPeriod)} at the start of each evaluation. The
 * measure evaluated is the one a gap carries, so its version is the one shown and logged.
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
    private final List<CqlEngine.LibraryRef> libraries;
    private final CqlEngine engine;
    private final CareGapAssessor assessor;
    private final Tracer tracer;

    public CareGapEvaluator(List<MeasureDefinition> measures, CqlEngine engine, CareGapAssessor assessor) {
        this(measures, engine, assessor, Telemetry.noop().tracer());
    }

    public CareGapEvaluator(List<MeasureDefinition> measures, CqlEngine engine, CareGapAssessor assessor,
                            Tracer tracer) {
        this(measures, measures, engine, assessor, tracer);
    }

    /**
     * @param measures    the measures {@link #evaluate(Bundle, String, MeasurementPeriod)} evaluates when not given
     *                    any (the defaults)
     * @param allVersions every configured version, whose libraries {@link #prepare()} translates
     */
    private CareGapEvaluator(List<MeasureDefinition> measures, List<MeasureDefinition> allVersions, CqlEngine engine,
                             CareGapAssessor assessor, Tracer tracer) {
        this.measures = List.copyOf(measures);
        this.libraries = Stream.concat(measures.stream(), allVersions.stream())
                .map(MeasureDefinition::library).distinct().toList();
        this.engine = engine;
        this.assessor = assessor;
        this.tracer = tracer;
    }

    /**
     * Builds the evaluator on one CQF engine holding every configured version's library, traced with {@code tracer}:
     * {@link #prepare()} translates them all, and any version can be evaluated. Evaluating without a list of
     * measures evaluates the default version of each.
     */
    public static CareGapEvaluator onCqfEngine(MeasureVersions versions, int prospectiveDays, Tracer tracer) {
        MeasureContent content = versions.content();
        return new CareGapEvaluator(content.measures(), versions.all(), new CqfCqlEngine(content),
                new CareGapAssessor(prospectiveDays), tracer);
    }

    /**
     * Translates the library of every configured version once, so the first patient does not pay for it; fails with
     * the translator's reason.
     */
    public void prepare() {
        libraries.forEach(engine::prepare);
    }

    /** One care gap per default measure, in configuration order. */
    public List<CareGap> evaluate(Bundle record, String patientId, MeasurementPeriod period) {
        return evaluate(measures, record, patientId, period);
    }

    /**
     * One care gap per given measure, in the given order: the versions to evaluate, chosen by the caller once, when
     * the evaluation starts. Each measure's library must be one this evaluator's engine holds.
     */
    public List<CareGap> evaluate(List<MeasureDefinition> measures, Bundle record, String patientId,
                                  MeasurementPeriod period) {
        Span span = tracer.spanBuilder("care-gaps.evaluate").setAttribute("chartlens.measures", measures.size())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            List<CareGap> gaps = new ArrayList<>();
            // one engine for the record, whatever the number of measures (building it costs more than most)
            CqlEngine.RecordEvaluation opened = engine.open(record, patientId, period);
            for (MeasureDefinition measure : measures) {
                gaps.add(evaluate(measure, opened, period));
            }
            return gaps;
        } finally {
            span.end();
        }
    }

    /** One measure on its own (the benchmark, the tests): an engine for this record and measure only. */
    public CareGap evaluate(MeasureDefinition measure, Bundle record, String patientId, MeasurementPeriod period) {
        return evaluate(measure, engine.open(record, patientId, period), period);
    }

    private CareGap evaluate(MeasureDefinition measure, CqlEngine.RecordEvaluation record, MeasurementPeriod period) {
        Span span = tracer.spanBuilder("cql.measure")
                .setAttribute(MEASURE_ID, measure.id())
                .setAttribute(MEASURE_VERSION, String.valueOf(measure.version()))
                .setAttribute(LIBRARY, measure.library().toString())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            CqlResults results = record.evaluate(measure.library(), measure.expressionsToEvaluate());
            span.setAttribute(OUTCOME, "evaluated");
            return assessor.assess(measure, period, results);
        } catch (CqlEvaluationException e) {
            // the engine's message names expressions and types, not patient data (the span does not keep it anyway)
            span.setAttribute(OUTCOME, "failed");
            SpanAttributes.failed(span, CqlEvaluationException.class.getName());
            LOG.warning("Care-gap measure " + measure.id() + " " + measure.version() + " failed: " + e.getMessage());
            return CareGap.failed(measure, period, "The measure could not be evaluated: " + e.getMessage());
        } catch (RuntimeException e) {
            SpanAttributes.failed(span, e.getClass().getName());
            throw e;
        } finally {
            span.end();
        }
    }
}
