package io.chartlens.aisummary;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Which models may write the summary for one task, in the order they are tried, from
 * {@code smart-config/ai/routes.json} (see {@link SummaryRoutes}). Only configured models are in the chain; an
 * empty chain means the deterministic summary only.
 *
 * @param task          the task, e.g. {@code patient-summary}
 * @param chain         the configured models, first choice first; may be empty, never null
 * @param timeout       how long one model may take to answer (each model in the chain gets this much)
 * @param notConfigured why the file's other models are left out, e.g. {@code "fallback: CHARTLENS_LLM_FALLBACK_MODEL
 *                      unset"}; names of environment variables only, never their values
 */
public record SummaryRoute(String task, List<Model> chain, Duration timeout, List<String> notConfigured) {

    public SummaryRoute {
        Objects.requireNonNull(task, "task");
        chain = List.copyOf(chain);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        notConfigured = List.copyOf(notConfigured);
    }

    /** A route without models: the deterministic summary only, with the reason. */
    public static SummaryRoute deterministicOnly(String task, Duration timeout, String why) {
        return new SummaryRoute(task, List.of(), timeout, List.of(why));
    }

    /** True when no model is configured, so only the deterministic summary can be shown. */
    public boolean isEmpty() {
        return chain.isEmpty();
    }

    /**
     * One OpenAI-compatible chat endpoint, with the values read from the environment.
     *
     * @param name      the model's key in {@code routes.json}, e.g. {@code primary}
     * @param baseUrl   the API base, e.g. {@code https://llm.example.org/v1} (the client appends
     *                  {@code /chat/completions}); without a trailing slash
     * @param modelName the model to ask for, e.g. {@code gpt-4o-mini}
     * @param apiKey    the bearer key; null when the file declares no key variable (a local server)
     */
    public record Model(String name, String baseUrl, String modelName, String apiKey) {

        public Model {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(modelName, "modelName");
            while (baseUrl.endsWith("/")) {
                baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
            }
        }

        /** How generations name this model in the log: {@code name:modelName}, e.g. {@code primary:gpt-4o-mini}. */
        public String id() {
            return name + ":" + modelName;
        }

        /** True when the endpoint is on this machine (plain http is then allowed without opting in). */
        boolean isLoopback() {
            String host = URI.create(baseUrl).getHost();
            return host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
        }

        /** Never prints the key. */
        @Override
        public String toString() {
            return "Model[" + id() + " at " + baseUrl + (apiKey == null ? ", no key]" : ", key set]");
        }
    }
}
