package io.chartlens.aisummary;

import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * LangChain4j {@link OpenAiChatModel}s for the models of a {@link SummaryRoute}, one per model and timeout, built
 * once and shared (each holds its own HTTP client, so building one per request would leak connections).
 *
 * <p>The settings are the summary's: temperature 0 (the same facts should read the same way), a JSON-object
 * answer, no retries (the route's chain is the retry, and a retry would double the wait), no request or response
 * logging (the prompt holds clinical facts), and an answer limit of {@value #MAX_ANSWER_TOKENS} tokens.
 */
public final class ChatModels {

    static final int MAX_ANSWER_TOKENS = 2000;

    private final Map<Key, ChatModel> models = new ConcurrentHashMap<>();

    /** The chat model for {@code model}, with {@code timeout} for connecting and for the answer. */
    public ChatModel of(SummaryRoute.Model model, Duration timeout) {
        return models.computeIfAbsent(new Key(model, timeout), k -> build(k.model(), k.timeout()));
    }

    static ChatModel build(SummaryRoute.Model model, Duration timeout) {
        // HTTP/1.1: several OpenAI-compatible servers (uvicorn-based ones) mishandle the h2c upgrade request
        JdkHttpClientBuilder http = new JdkHttpClientBuilder()
                .httpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1))
                .connectTimeout(timeout)
                .readTimeout(timeout);
        return OpenAiChatModel.builder()
                .httpClientBuilder(http)
                .baseUrl(model.baseUrl())
                .apiKey(model.apiKey())
                .modelName(model.modelName())
                .timeout(timeout)
                .maxRetries(0)
                .temperature(0.0)
                .responseFormat(ResponseFormat.JSON)
                .maxTokens(MAX_ANSWER_TOKENS)
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    private record Key(SummaryRoute.Model model, Duration timeout) {
    }
}
