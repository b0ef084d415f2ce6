package io.chartlens.aisummary;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.chartlens.system.telemetry.SpanAttributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * One model call as a CLIENT span, named and described after the OpenTelemetry GenAI conventions
 * ({@code chat <model>}, {@code gen_ai.*}): the route's task, the model, the server's host, token counts and the
 * finish reason, and what came of it ({@code answered} or the {@link ModelSummarizer.FailureKind}). Never the
 * prompt, the facts, the answer or the API key.
 */
final class ModelCallSpans {

    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
    /** The API spoken: every configured endpoint is OpenAI-compatible, whoever serves it. */
    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("gen_ai.system");
    static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
    static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
    static final AttributeKey<List<String>> FINISH_REASONS = AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
    /** The task of the route, e.g. {@code patient-summary}. */
    static final AttributeKey<String> ROUTE = AttributeKey.stringKey("chartlens.ai.route");
    /** The model's key in {@code routes.json}, e.g. {@code primary}. */
    static final AttributeKey<String> MODEL = AttributeKey.stringKey("chartlens.ai.model");
    /** {@code answered}, or the failure kind's name. */
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("chartlens.ai.outcome");
    static final AttributeKey<Long> STATEMENTS = AttributeKey.longKey("chartlens.ai.statements");

    private ModelCallSpans() {
    }

    static Span start(Tracer tracer, String task, SummaryRoute.Model model) {
        Span span = tracer.spanBuilder("chat " + model.modelName())
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(OPERATION, "chat")
                .setAttribute(SYSTEM, "openai")
                .setAttribute(REQUEST_MODEL, model.modelName())
                .setAttribute(ROUTE, task)
                .setAttribute(MODEL, model.name())
                .startSpan();
        try {
            SpanAttributes.server(span, URI.create(model.baseUrl()));
        } catch (IllegalArgumentException e) {
            // no host to record
        }
        return span;
    }

    /** What the response says about itself: model, token counts, finish reason. */
    static void received(Span span, ChatResponse response) {
        if (response.modelName() != null) {
            span.setAttribute(RESPONSE_MODEL, response.modelName());
        }
        TokenUsage usage = response.tokenUsage();
        if (usage != null && usage.inputTokenCount() != null) {
            span.setAttribute(INPUT_TOKENS, usage.inputTokenCount().longValue());
        }
        if (usage != null && usage.outputTokenCount() != null) {
            span.setAttribute(OUTPUT_TOKENS, usage.outputTokenCount().longValue());
        }
        if (response.finishReason() != null) {
            span.setAttribute(FINISH_REASONS, List.of(response.finishReason().name().toLowerCase(Locale.ROOT)));
        }
    }

    static void end(Span span, ModelSummarizerAnswer.Parsed parsed) {
        if (parsed instanceof ModelSummarizerAnswer.Statements answer) {
            span.setAttribute(OUTCOME, "answered");
            span.setAttribute(STATEMENTS, answer.statements().size());
        } else if (parsed instanceof ModelSummarizerAnswer.Rejected rejected) {
            span.setAttribute(OUTCOME, rejected.kind().name());
            SpanAttributes.failed(span, rejected.kind().name());
        }
        span.end();
    }
}
