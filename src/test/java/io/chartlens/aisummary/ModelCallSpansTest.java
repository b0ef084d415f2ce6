package io.chartlens.aisummary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.aisummary.ModelSummarizer.ModelOutcome;
import io.chartlens.system.telemetry.SpanAttributes;
import io.chartlens.testsupport.TestTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The span of each model call, through the real LangChain4j client against {@link FakeOpenAiServer}: model, route,
 * token counts, finish reason and outcome; never the facts, the prompt, the answer or the key.
 */
class ModelCallSpansTest {

    private static final List<SummaryFact> FACTS = List.of(
            new SummaryFact("Patient/p-1", "demographics", "67-year-old woman"),
            new SummaryFact("Condition/c-dm2", "problem", "Type 2 diabetes mellitus, since 9 y before"),
            new SummaryFact("Observation/o-a1c", "lab", "HbA1c 8.1 % 12 d before"));
    private static final String ANSWER = """
            {"statements": [
              {"text": "Type 2 diabetes with HbA1c 8.1 % 12 d before.",
               "citations": ["Condition/c-dm2", "Observation/o-a1c"]}
            ]}""";

    private final TestTelemetry telemetry = new TestTelemetry();
    private final ModelSummarizer summarizer = new ModelSummarizer(SummaryPromptsTest.shipped(Map.of()),
            new ChatModels()::of, telemetry.telemetry());
    private FakeOpenAiServer primary;
    private FakeOpenAiServer fallback;

    @BeforeEach
    void start() throws IOException {
        primary = FakeOpenAiServer.start();
        fallback = FakeOpenAiServer.start();
    }

    @AfterEach
    void stop() {
        primary.close();
        fallback.close();
        telemetry.close();
    }

    @Test
    void anAnsweredCallNamesTheModelTokensAndOutcomeButNoFactOrAnswer() {
        primary.then(FakeOpenAiServer.answer(ANSWER));

        ModelOutcome outcome = summarizer.summarize(route(Duration.ofSeconds(10), primaryModel()), FACTS);

        assertTrue(outcome.indicatesSuccess(), () -> outcome.fallbackReason());
        SpanData span = telemetry.only("chat test-model");
        assertEquals(SpanKind.CLIENT, span.getKind());
        assertEquals("chat", span.getAttributes().get(ModelCallSpans.OPERATION));
        assertEquals("test-model", span.getAttributes().get(ModelCallSpans.REQUEST_MODEL));
        assertEquals("fake-model", span.getAttributes().get(ModelCallSpans.RESPONSE_MODEL));
        assertEquals(100L, span.getAttributes().get(ModelCallSpans.INPUT_TOKENS));
        assertEquals(50L, span.getAttributes().get(ModelCallSpans.OUTPUT_TOKENS));
        assertEquals(List.of("stop"), span.getAttributes().get(ModelCallSpans.FINISH_REASONS));
        assertEquals("patient-summary", span.getAttributes().get(ModelCallSpans.ROUTE));
        assertEquals("primary", span.getAttributes().get(ModelCallSpans.MODEL));
        assertEquals("answered", span.getAttributes().get(ModelCallSpans.OUTCOME));
        assertEquals(1L, span.getAttributes().get(ModelCallSpans.STATEMENTS));
        assertEquals("127.0.0.1", span.getAttributes().get(SpanAttributes.SERVER_ADDRESS));
        assertNull(span.getAttributes().get(SpanAttributes.ERROR_TYPE));
        assertCarriesNothingOfTheChart();
    }

    @Test
    void eachModelOfTheChainIsItsOwnSpanAndAFailureIsItsKind() {
        primary.then(FakeOpenAiServer.error(500));
        fallback.then(FakeOpenAiServer.answer(ANSWER));

        ModelOutcome outcome = summarizer.summarize(route(Duration.ofSeconds(10), primaryModel(),
                new SummaryRoute.Model("fallback", fallback.baseUrl(), "other-model", null)), FACTS);

        assertTrue(outcome.indicatesSuccess(), () -> outcome.fallbackReason());
        SpanData failed = telemetry.only("chat test-model");
        assertEquals("ERROR", failed.getAttributes().get(ModelCallSpans.OUTCOME));
        assertEquals("ERROR", failed.getAttributes().get(SpanAttributes.ERROR_TYPE));
        assertEquals(StatusCode.ERROR, failed.getStatus().getStatusCode());
        SpanData answered = telemetry.only("chat other-model");
        assertEquals("fallback", answered.getAttributes().get(ModelCallSpans.MODEL));
        assertEquals("answered", answered.getAttributes().get(ModelCallSpans.OUTCOME));
        assertCarriesNothingOfTheChart();
    }

    @Test
    void aTimeoutIsATimeout() {
        primary.then(FakeOpenAiServer.answer(ANSWER).after(Duration.ofSeconds(2)));

        summarizer.summarize(route(Duration.ofMillis(300), primaryModel()), FACTS);

        SpanData span = telemetry.only("chat test-model");
        assertEquals("TIMEOUT", span.getAttributes().get(SpanAttributes.ERROR_TYPE));
        assertNull(span.getAttributes().get(ModelCallSpans.INPUT_TOKENS), "no response, no usage");
    }

    @Test
    void noConfiguredModelMeansNoCallAndNoSpan() {
        summarizer.summarize(SummaryRoute.deterministicOnly("patient-summary", Duration.ofSeconds(1), "unset"), FACTS);

        assertEquals(List.of(), telemetry.spans());
    }

    private void assertCarriesNothingOfTheChart() {
        TestTelemetry.assertCarriesNone(telemetry.spans(), "diabetes", "HbA1c", "8.1", "67-year", "Condition/",
                "Observation/", "Patient/", "test-key", "statements", "/v1", "http://");
    }

    private SummaryRoute.Model primaryModel() {
        return new SummaryRoute.Model("primary", primary.baseUrl(), "test-model", "test-key");
    }

    private static SummaryRoute route(Duration timeout, SummaryRoute.Model... chain) {
        return new SummaryRoute("patient-summary", List.of(chain), timeout, List.of());
    }
}
