package io.chartlens.aisummary;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import io.chartlens.system.telemetry.Telemetry;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.logging.Logger;

/**
 * Asks the models of a {@link SummaryRoute}, in order, to summarise de-identified {@link SummaryFact}s as cited
 * statements, through LangChain4j's OpenAI-compatible client. The first well-formed answer wins; a timeout, an error,
 * a refusal or a malformed answer moves on to the next model, and when none is left the outcome says why, so the
 * caller shows the deterministic summary.
 *
 * <p>Each call resolves the active prompt version when it starts ({@link SummaryPrompts#active()}, chosen by an
 * administrator or the default of {@code smart-config/ai/prompts/}) and asks every model of the chain with it. The
 * answer is not verified here: the caller runs the shared verifier on {@link ModelOutcome#statements()} against the
 * same facts, and logs the generation with {@link ModelOutcome#promptVersion()}, {@link ModelOutcome#modelId()} and
 * {@link #inputReferences(List)}. Only a fact's reference, kind and text reach the model; making those free of
 * names, MRNs, addresses and birth dates is the fact builder's job ({@link SummaryFact}). Log lines carry model ids,
 * failure kinds and timings, never facts or answers; so does each model call's span ({@link ModelCallSpans}).
 */
@ApplicationScoped
public class ModelSummarizer {

    /** The most facts one request may carry. */
    public static final int MAX_FACTS = 500;

    private static final Logger LOG = Logger.getLogger(ModelSummarizer.class.getName());

    private final BiFunction<SummaryRoute.Model, Duration, ChatModel> models;
    @Inject
    SummaryPrompts prompts;
    @Inject
    Telemetry telemetry;

    /** For CDI: LangChain4j {@code OpenAiChatModel}s, built once per model ({@link ChatModels}). */
    public ModelSummarizer() {
        this.models = new ChatModels()::of;
    }

    /** For tests and tools: the given prompts and another source of chat models. */
    ModelSummarizer(SummaryPrompts prompts, BiFunction<SummaryRoute.Model, Duration, ChatModel> models) {
        this.prompts = Objects.requireNonNull(prompts, "prompts");
        this.models = Objects.requireNonNull(models, "models");
    }

    /** For tests and tools: the given prompts and another source of chat models, traced. */
    ModelSummarizer(SummaryPrompts prompts, BiFunction<SummaryRoute.Model, Duration, ChatModel> models,
                    Telemetry telemetry) {
        this(prompts, models);
        this.telemetry = telemetry;
    }

    /** Why a model's summary is not available. */
    public enum FailureKind {
        /** The route has no configured model (its environment variables are unset). */
        NOT_CONFIGURED,
        /** No answer within the route's timeout. */
        TIMEOUT,
        /** The endpoint failed: HTTP error status, connection refused, an unexpected client failure. */
        ERROR,
        /** The model declined: a refusal member or message, or the provider's content filter. */
        REFUSAL,
        /** An answer that is not the requested JSON, or a response that is not a chat completion. */
        MALFORMED
    }

    /**
     * Asks the route's models in turn, all with the prompt version active when the call starts.
     *
     * @param route the models to try; an empty route gives {@link FailureKind#NOT_CONFIGURED} without a request
     * @param facts what the summary may say, at least one and at most {@value #MAX_FACTS}
     * @return the first model's well-formed answer, or the last failure with every attempt's reason
     */
    public ModelOutcome summarize(SummaryRoute route, List<SummaryFact> facts) {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(facts, "facts");
        if (facts.isEmpty() || facts.size() > MAX_FACTS) {
            throw new IllegalArgumentException("facts: 1 to " + MAX_FACTS + " expected, got " + facts.size()
                    + " (an empty record needs no model)");
        }
        long start = System.nanoTime();
        if (route.isEmpty()) {
            return ModelOutcome.failed(FailureKind.NOT_CONFIGURED, "no model configured for " + route.task()
                    + (route.notConfigured().isEmpty() ? "" : " (" + String.join("; ", route.notConfigured()) + ")"),
                    null, since(start), List.of());
        }
        SummaryPrompt prompt = prompts.active().rule();
        ChatRequest request = ChatRequest.builder()
                .messages(ModelSummarizerPrompt.messages(prompt, route.task(), facts))
                .build();
        List<ModelOutcome.Attempt> attempts = new ArrayList<>();
        for (SummaryRoute.Model model : route.chain()) {
            long began = System.nanoTime();
            Span span = ModelCallSpans.start(Telemetry.tracer(telemetry), route.task(), model);
            ModelSummarizerAnswer.Parsed parsed;
            try {
                ChatResponse response = models.apply(model, route.timeout()).chat(request);
                ModelCallSpans.received(span, response);
                parsed = interpret(response);
            } catch (RuntimeException e) {
                parsed = ModelSummarizerFailures.classify(e, route.timeout());
            }
            ModelCallSpans.end(span, parsed);
            Duration took = since(began);
            if (parsed instanceof ModelSummarizerAnswer.Statements answer) {
                attempts.add(new ModelOutcome.Attempt(model.id(), null, null, took));
                LOG.fine(() -> route.task() + ": " + model.id() + " answered with " + answer.statements().size()
                        + " statement(s) in " + took.toMillis() + " ms (prompt " + prompt.version() + ")");
                return ModelOutcome.answered(answer.statements(), model.id(), prompt.version(), since(start),
                        attempts);
            }
            ModelSummarizerAnswer.Rejected rejected = (ModelSummarizerAnswer.Rejected) parsed;
            attempts.add(new ModelOutcome.Attempt(model.id(), rejected.kind(), rejected.reason(), took));
            LOG.info(() -> route.task() + ": " + model.id() + " gave no usable answer (" + rejected.kind() + ": "
                    + rejected.reason() + ") after " + took.toMillis() + " ms");
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
        }
        ModelOutcome.Attempt last = attempts.get(attempts.size() - 1);
        List<String> reasons = attempts.stream()
                .map(a -> a.modelId() + " " + a.failure() + " (" + a.reason() + ")")
                .toList();
        return ModelOutcome.failed(last.failure(), String.join("; ", reasons), prompt.version(), since(start),
                attempts);
    }

    /** The references of the facts, in order, as the generation log records them. */
    public static List<String> inputReferences(List<SummaryFact> facts) {
        return facts.stream().map(SummaryFact::reference).toList();
    }

    private static ModelSummarizerAnswer.Parsed interpret(ChatResponse response) {
        if (response.finishReason() == FinishReason.CONTENT_FILTER) {
            return new ModelSummarizerAnswer.Rejected(FailureKind.REFUSAL, "stopped by the content filter");
        }
        if (response.finishReason() == FinishReason.LENGTH) {
            return new ModelSummarizerAnswer.Rejected(FailureKind.MALFORMED, "answer cut off at the token limit");
        }
        AiMessage message = response.aiMessage();
        return ModelSummarizerAnswer.parse(message == null ? null : message.text());
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /**
     * What {@link #summarize} got: either a model's statements ({@link #indicatesSuccess()}) or why there are none.
     *
     * @param statements    the answer's statements, unverified; empty on failure
     * @param modelId       the model that answered ({@link SummaryRoute.Model#id()}); null on failure
     * @param promptVersion the version of the prompt the models were asked with ({@link SummaryPrompt#version()});
     *                      null only when no model was asked (none configured)
     * @param failure       why no model answered usably (the last model's reason); null on success
     * @param reason        every attempt's failure, e.g. {@code "primary:m TIMEOUT (no answer within 8000 ms);
     *                      fallback:n ERROR (HTTP 500)"}; null on success. Model ids, kinds and numbers only: no
     *                      facts, no answer
     * @param latency       the whole call, every attempt included
     * @param attempts      each model asked, in order; empty when none was configured
     */
    public record ModelOutcome(List<CitedStatement> statements, String modelId, String promptVersion,
                               FailureKind failure, String reason, Duration latency, List<Attempt> attempts) {

        public ModelOutcome {
            statements = List.copyOf(statements);
            Objects.requireNonNull(latency, "latency");
            attempts = List.copyOf(attempts);
            if ((failure == null) == (modelId == null) || (failure == null) != (reason == null)) {
                throw new IllegalArgumentException("either a model id (success) or a failure and a reason");
            }
            if (promptVersion == null && !attempts.isEmpty()) {
                throw new IllegalArgumentException("a model was asked: the prompt version it was asked with");
            }
        }

        static ModelOutcome answered(List<CitedStatement> statements, String modelId, String promptVersion,
                                     Duration latency, List<Attempt> attempts) {
            return new ModelOutcome(statements, modelId, promptVersion, null, null, latency, attempts);
        }

        static ModelOutcome failed(FailureKind failure, String reason, String promptVersion, Duration latency,
                                   List<Attempt> attempts) {
            return new ModelOutcome(List.of(), null, promptVersion, failure, reason, latency, attempts);
        }

        /** True when a model answered with well-formed statements (still to be verified). */
        public boolean indicatesSuccess() {
            return failure == null;
        }

        /** The generation log's fallback reason, {@code "KIND: reason"}; null on success. */
        public String fallbackReason() {
            return failure == null ? null : failure + ": " + reason;
        }

        /**
         * One model asked.
         *
         * @param modelId the model ({@link SummaryRoute.Model#id()})
         * @param failure why its answer was not used; null when it was
         * @param reason  the detail of the failure; null when its answer was used
         * @param latency how long it took
         */
        public record Attempt(String modelId, FailureKind failure, String reason, Duration latency) {
        }
    }
}
