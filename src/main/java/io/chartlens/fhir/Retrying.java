package io.chartlens.fhir;

import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs one FHIR request and retries it when the EHR says it is overloaded (HTTP 429 Too Many Requests, 503 Service
 * Unavailable), waiting as the server's {@code Retry-After} asks (RFC 9110 section 10.2.3: seconds or an HTTP-date),
 * else with exponential backoff and jitter; every wait is capped and never reaches past the load's deadline. Other
 * failures are not retried: a 500 or a 403 will not change within a page load. Counts every HTTP request it makes.
 * The client needs {@link RetryAfterCapture} registered, since HAPI does not pass response headers on in its
 * exceptions.
 */
final class Retrying {

    private final LoadPolicy policy;
    private final Deadline deadline;
    private final AtomicInteger requests = new AtomicInteger();

    Retrying(LoadPolicy policy, Deadline deadline) {
        this.policy = policy;
        this.deadline = deadline;
    }

    /** HTTP requests made so far, retries included; readable from another thread (a cancelled section's count). */
    int requests() {
        return requests.get();
    }

    /**
     * @throws BaseServerResponseException the last failure when retries are used up or the deadline is too close
     * @throws InterruptedException         when the section's task is cancelled during a wait
     */
    <T> T execute(Supplier<T> request) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                requests.incrementAndGet();
                RetryAfterCapture.clear();
                return request.get();
            } catch (FhirClientConnectionException e) {
                FhirClientSpans.endUnanswered(e);
                throw e;
            } catch (BaseServerResponseException e) {
                if (!retryable(e.getStatusCode()) || attempt >= policy.maxRetries()) {
                    throw e;
                }
                long waitNanos = waitBeforeRetry(e, attempt).toNanos();
                if (waitNanos >= deadline.remainingNanos()) {
                    throw e;
                }
                TimeUnit.NANOSECONDS.sleep(waitNanos);
            }
        }
    }

    private static boolean retryable(int status) {
        return status == 429 || status == 503;
    }

    private Duration waitBeforeRetry(BaseServerResponseException e, int attempt) {
        Map<String, List<String>> headers = RetryAfterCapture.last()
                .map(values -> Map.of("Retry-After", values))
                .orElseGet(e::getResponseHeaders);
        Duration wait = retryAfter(headers, Instant.now()).orElseGet(() -> backoff(attempt));
        return wait.compareTo(policy.maxRetryWait()) > 0 ? policy.maxRetryWait() : wait;
    }

    /** Base × 2^attempt, plus up to half of that again at random, so parallel sections do not retry in step. */
    private Duration backoff(int attempt) {
        long base = policy.baseBackoff().toMillis() << Math.min(attempt, 16);
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    /** The server's {@code Retry-After} as a wait from now; empty when absent or unreadable. */
    static Optional<Duration> retryAfter(Map<String, List<String>> headers, Instant now) {
        if (headers == null) {
            return Optional.empty();
        }
        return headers.entrySet().stream()
                .filter(h -> "Retry-After".equalsIgnoreCase(h.getKey()) && h.getValue() != null)
                .flatMap(h -> h.getValue().stream())
                .map(value -> parseRetryAfter(value.strip(), now))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<Duration> parseRetryAfter(String value, Instant now) {
        if (value.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
