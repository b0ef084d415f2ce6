package io.chartlens.record;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Work derived from a launch's record (care gaps, the summary), kept beside the record under its key
 * ({@link PatientRecords#keyOf}) in a small, bounded, least-recently-used map on this instance, never in the HTTP
 * session. Thread-safe.
 *
 * @param <T> what is derived
 */
public final class DerivedResults<T> {

    private final Map<String, CompletableFuture<T>> byKey;

    /** @param max how many records' results to keep; the least recently used go first */
    public DerivedResults(int max) {
        this.byKey = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<T>> eldest) {
                return size() > max;
            }
        };
    }

    public synchronized void put(String key, CompletableFuture<T> result) {
        byKey.put(key, result);
    }

    /** The result for a record key, if it was started and not yet let go. */
    public synchronized Optional<CompletableFuture<T>> get(String key) {
        return Optional.ofNullable(byKey.get(key));
    }
}
