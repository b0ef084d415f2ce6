package io.chartlens.fhir;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hl7.fhir.r4.model.CapabilityStatement;

/**
 * Each FHIR base's {@link SortSupport}, fetched once from {@code /metadata} and kept for the application's life.
 * The fetch never delays a load: a load uses what is known when it starts and otherwise starts the fetch alongside
 * its sections (and sorts in memory). A failed fetch is forgotten, so the next load tries again.
 */
final class CapabilityCache {

    private static final Logger LOG = Logger.getLogger(CapabilityCache.class.getName());

    private final Map<String, CompletableFuture<SortSupport>> byBase = new ConcurrentHashMap<>();

    /** What is known about the client's server now; empty while the fetch is running or after it failed. */
    Optional<SortSupport> known(IGenericClient client) {
        CompletableFuture<SortSupport> fetch = byBase.get(key(client));
        return fetch != null && fetch.isDone() && !fetch.isCompletedExceptionally()
                ? Optional.of(fetch.join()) : Optional.empty();
    }

    /**
     * Starts the {@code /metadata} fetch for the client's base unless one is known or running.
     *
     * @return the fetch when this call started it (the caller counts its request), else empty
     */
    Optional<CompletableFuture<SortSupport>> fetchIfUnknown(IGenericClient client, Executor executor) {
        String base = key(client);
        CompletableFuture<SortSupport> started = new CompletableFuture<>();
        if (byBase.putIfAbsent(base, started) != null) {
            return Optional.empty();
        }
        try {
            executor.execute(() -> fetch(client, base, started));
        } catch (RuntimeException rejected) {
            byBase.remove(base, started);
            started.completeExceptionally(rejected);
        }
        return Optional.of(started);
    }

    private void fetch(IGenericClient client, String base, CompletableFuture<SortSupport> result) {
        long start = System.nanoTime();
        try {
            CapabilityStatement statement = client.capabilities().ofType(CapabilityStatement.class).execute();
            SortSupport support = SortSupport.from(statement);
            result.complete(support);
            LOG.fine(() -> "CapabilityStatement read in " + millisSince(start) + " ms; _sort declared: "
                    + support.sortDeclared());
        } catch (RuntimeException e) {
            byBase.remove(base, result);
            result.completeExceptionally(e);
            LOG.log(Level.INFO, "CapabilityStatement not available ({0}); sorting in memory",
                    SectionFailure.of(e).reason());
        }
    }

    private static String key(IGenericClient client) {
        String base = client.getServerBase();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
