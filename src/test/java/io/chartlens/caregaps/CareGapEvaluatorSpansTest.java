package io.chartlens.caregaps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.chartlens.system.telemetry.SpanAttributes;
import io.chartlens.testsupport.TestTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The evaluator's spans around each measure, with an engine that answers or fails on cue: measure id, version,
 * library and whether it evaluated; not the gap status, the patient or the engine's message.
 */
class CareGapEvaluatorSpansTest {

    private static final MeasurementPeriod PERIOD = new MeasurementPeriod(LocalDate.of(2024, 1, 1),
            LocalDate.of(2024, 12, 31));

    private final TestTelemetry telemetry = new TestTelemetry();

    @AfterEach
    void close() {
        telemetry.close();
    }

    @Test
    void eachMeasureIsASpanUnderTheRecordsSpanNamingTheMeasureButNotThePatientOrTheGap() {
        List<MeasureDefinition> measures = MeasureFixtures.content().measures();
        MeasureDefinition failing = measures.get(0);
        TestPatient patient = TestPatient.female("pat-8842", LocalDate.of(1960, 5, 1));
        CqlEngine engine = new CqlEngine() {
            @Override
            public CqlResults evaluate(LibraryRef library, Bundle data, String patientId, MeasurementPeriod period,
                    Set<String> expressions) {
                if (library.equals(failing.library())) {
                    throw new CqlEvaluationException("retrieve failed for Patient/" + patientId);
                }
                return new CqlResults(Map.of());
            }

            @Override
            public void prepare(LibraryRef library) {
            }
        };
        CareGapEvaluator evaluator = new CareGapEvaluator(measures, engine, new CareGapAssessor(60),
                telemetry.tracer());

        List<CareGap> gaps = evaluator.evaluate(patient.bundle, patient.id, PERIOD);

        assertEquals(CareGapStatus.FAILED, gaps.get(0).status());
        SpanData record = telemetry.only("care-gaps.evaluate");
        assertEquals((long) measures.size(), record.getAttributes().get(AttributeKey.longKey("chartlens.measures")));
        List<SpanData> measureSpans = telemetry.spans("cql.measure");
        assertEquals(measures.size(), measureSpans.size());
        for (int i = 0; i < measures.size(); i++) {
            MeasureDefinition measure = measures.get(i);
            SpanData span = measureSpans.get(i);
            assertEquals(record.getSpanId(), span.getParentSpanId());
            assertEquals(measure.id(), span.getAttributes().get(CareGapEvaluator.MEASURE_ID));
            assertEquals(measure.version(), span.getAttributes().get(CareGapEvaluator.MEASURE_VERSION));
            assertEquals(measure.library().toString(), span.getAttributes().get(CareGapEvaluator.LIBRARY));
            if (measure == failing) {
                assertEquals("failed", span.getAttributes().get(CareGapEvaluator.OUTCOME));
                assertEquals(CqlEvaluationException.class.getName(),
                        span.getAttributes().get(SpanAttributes.ERROR_TYPE));
                assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
            } else {
                assertEquals("evaluated", span.getAttributes().get(CareGapEvaluator.OUTCOME));
                assertNull(span.getAttributes().get(SpanAttributes.ERROR_TYPE));
            }
        }
        TestTelemetry.assertCarriesNone(telemetry.spans(), patient.id, "retrieve failed", "not-applicable",
                "NOT_APPLICABLE", "open-gap", "1960");
    }
}
