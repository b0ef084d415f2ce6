package io.chartlens.aisummary;

import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import io.chartlens.aisummary.ModelSummarizer.FailureKind;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names what went wrong when a chat call threw. LangChain4j wraps the JDK client's exceptions (a timeout becomes its
 * {@code TimeoutException}, an error status an {@code HttpException} inside a typed one), so the cause chain is
 * searched for the first cause that says what happened.
 */
final class ModelSummarizerFailures {

    private ModelSummarizerFailures() {
    }

    /** A failed call, by the first cause that says what happened; never the message (it may echo the request). */
    static ModelSummarizerAnswer.Rejected classify(RuntimeException failure, Duration timeout) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof HttpTimeoutException
                    || t instanceof SocketTimeoutException) {
                return rejected(FailureKind.TIMEOUT, "no answer within " + timeout.toMillis() + " ms");
            }
            if (t instanceof ContentFilteredException) {
                return rejected(FailureKind.REFUSAL, "refused by the model or its content filter");
            }
            if (t instanceof HttpException http) {
                return rejected(FailureKind.ERROR, "HTTP " + http.statusCode());
            }
            if (t instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return rejected(FailureKind.ERROR, "interrupted");
            }
            if (t instanceof ConnectException) {
                return rejected(FailureKind.ERROR, "connection refused");
            }
            if (t.getClass().getName().startsWith("com.fasterxml.jackson.")) {
                return rejected(FailureKind.MALFORMED, "response is not a chat completion");
            }
        }
        return rejected(FailureKind.ERROR, describe(failure));
    }

    /** The cause chain as simple class names, e.g. {@code RuntimeException <- UnknownHostException}. */
    private static String describe(Throwable failure) {
        List<String> parts = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null && parts.size() < 6;
             t = t.getCause()) {
            parts.add(t.getClass().getSimpleName());
        }
        return String.join(" <- ", parts);
    }

    private static ModelSummarizerAnswer.Rejected rejected(FailureKind kind, String reason) {
        return new ModelSummarizerAnswer.Rejected(kind, reason);
    }
}
