package io.chartlens.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryingTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void readsRetryAfterInSeconds() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), Retrying.retryAfter(Map.of("retry-after", List.of("7")), NOW));
    }

    @Test
    void readsRetryAfterAsAnHttpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(90)),
                Retrying.retryAfter(Map.of("Retry-After", List.of("Tue, 24 Nov 2026 10:01:30 GMT")), NOW));
        assertEquals(Optional.of(Duration.ZERO),
                Retrying.retryAfter(Map.of("Retry-After", List.of("Tue, 24 Nov 2026 09:00:00 GMT")), NOW));
    }

    @Test
    void ignoresAnUnreadableRetryAfter() {
        assertEquals(Optional.empty(), Retrying.retryAfter(Map.of("Retry-After", List.of("soon")), NOW));
        assertEquals(Optional.empty(), Retrying.retryAfter(Map.of(), NOW));
        assertEquals(Optional.empty(), Retrying.retryAfter(null, NOW));
    }

    @Test
    void retries503UpToTheMaximumAndCountsEveryRequest() {
        LoadPolicy policy = LoadPolicy.defaults().withRetries(2, Duration.ofSeconds(1), Duration.ofMillis(1));
        Retrying retrying = new Retrying(policy, Deadline.after(Duration.ofSeconds(5)));
        AtomicInteger calls = new AtomicInteger();

        UnclassifiedServerFailureException failure = assertThrows(UnclassifiedServerFailureException.class,
                () -> retrying.execute(() -> {
                    calls.incrementAndGet();
                    throw new UnclassifiedServerFailureException(503, "busy");
                }));

        assertEquals(503, failure.getStatusCode());
        assertEquals(3, calls.get());
        assertEquals(3, retrying.requests());
    }

    @Test
    void doesNotRetryAServerError() {
        Retrying retrying = new Retrying(LoadPolicy.defaults(), Deadline.after(Duration.ofSeconds(5)));

        assertThrows(InternalErrorException.class, () -> retrying.execute(() -> {
            throw new InternalErrorException("broken");
        }));
        assertEquals(1, retrying.requests());
    }

    @Test
    void capsTheWaitAtTheLongestSingleWait() throws InterruptedException {
        LoadPolicy policy = LoadPolicy.defaults().withRetries(1, Duration.ofMillis(100), Duration.ofMillis(1));
        Retrying retrying = new Retrying(policy, Deadline.after(Duration.ofSeconds(5)));
        AtomicInteger calls = new AtomicInteger();
        long start = System.nanoTime();

        String answer = retrying.execute(() -> {
            if (calls.incrementAndGet() == 1) {
                UnclassifiedServerFailureException busy = new UnclassifiedServerFailureException(429, "busy");
                busy.addResponseHeader("Retry-After", "30");
                throw busy;
            }
            return "ok";
        });

        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals("ok", answer);
        assertTrue(millis >= 90 && millis < 2_000, "waited the 100 ms cap, not 30 s: " + millis);
    }
}
