package io.chartlens.aisummary;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;

/**
 * An OpenAI-compatible chat endpoint on loopback ({@code POST /v1/chat/completions} on 127.0.0.1, a free port) that
 * answers with scripted replies, in order, and records every request. It stands for the boundary ChartLens does not
 * own: a model server that may answer well, answer garbage, refuse, fail or hang.
 */
final class FakeOpenAiServer implements AutoCloseable {

    static final String PATH = "/v1/chat/completions";

    /** One scripted reply. */
    record Reply(int status, String contentType, String body, Duration delay) {

        /** The same reply, sent only after {@code delay} (or when the server closes). */
        Reply after(Duration delay) {
            return new Reply(status, contentType, body, delay);
        }
    }

    /** One request as received. */
    record Request(String method, String path, String authorization, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-openai");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicInteger ids = new AtomicInteger();

    private FakeOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static FakeOpenAiServer start() throws IOException {
        return new FakeOpenAiServer();
    }

    /** The base URL a client is configured with; it appends {@code /chat/completions}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Queues replies; each request takes the next one (an unscripted request gets a 599). */
    FakeOpenAiServer then(Reply... next) {
        replies.addAll(List.of(next));
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    // --- scripted replies ---

    /** A chat completion whose message content is {@code content}. */
    static Reply answer(String content) {
        return completion(message(content, null), "stop");
    }

    /** A chat completion that stopped for {@code finishReason} ("length", "content_filter"). */
    static Reply answer(String content, String finishReason) {
        return completion(message(content, null), finishReason);
    }

    /** OpenAI's structured refusal: no content, a {@code refusal} member. */
    static Reply refusalMember(String refusal) {
        return completion(message(null, refusal), "stop");
    }

    /** An HTTP error with an OpenAI-style error body. */
    static Reply error(int status) {
        JSONObject error = new JSONObject();
        error.put("message", "scripted failure");
        error.put("type", "server_error");
        JSONObject body = new JSONObject();
        body.put("error", error);
        return new Reply(status, "application/json", body.toJSONString(), Duration.ZERO);
    }

    /** A 200 response with any body, e.g. one that is not JSON. */
    static Reply raw(String contentType, String body) {
        return new Reply(200, contentType, body, Duration.ZERO);
    }

    private static JSONObject message(String content, String refusal) {
        JSONObject message = new JSONObject();
        message.put("role", "assistant");
        message.put("content", content);
        if (refusal != null) {
            message.put("refusal", refusal);
        }
        return message;
    }

    private static Reply completion(JSONObject message, String finishReason) {
        JSONObject choice = new JSONObject();
        choice.put("index", 0);
        choice.put("message", message);
        choice.put("finish_reason", finishReason);
        JSONArray choices = new JSONArray();
        choices.add(choice);
        JSONObject usage = new JSONObject();
        usage.putAll(Map.of("prompt_tokens", 100, "completion_tokens", 50, "total_tokens", 150));
        JSONObject body = new JSONObject();
        body.put("id", "chatcmpl-fake");
        body.put("object", "chat.completion");
        body.put("created", 1_700_000_000);
        body.put("model", "fake-model");
        body.put("choices", choices);
        body.put("usage", usage);
        return new Reply(200, "application/json", body.toJSONString(), Duration.ZERO);
    }

    // --- serving ---

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            Reply reply = replies.poll();
            if (reply == null || !exchange.getRequestURI().getPath().equals(PATH)
                    || !exchange.getRequestMethod().equals("POST")) {
                reply = new Reply(599, "text/plain", "no scripted reply for request " + ids.incrementAndGet(),
                        Duration.ZERO);
            }
            if (!reply.delay().isZero() && closing.await(reply.delay().toMillis(), TimeUnit.MILLISECONDS)) {
                return; // closing: drop the connection
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (a timeout test): nothing to answer
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
