package io.chartlens.sandbox.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * An in-memory map from unguessable keys (256 random bits, base64url) to values that expire. Used for launch
 * values, authorization codes, pending authorization requests and refresh tokens. Keys are never logged.
 */
final class ExpiringValues<V> {

    private static final SecureRandom RANDOM = new SecureRandom();

    private record Entry<V>(V value, Instant expiresAt) {}

    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Duration lifetime;
    private final Clock clock;

    ExpiringValues(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A fresh URL-safe random value of 256 bits. */
    static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Stores {@code value} under a fresh key and returns the key. */
    String put(V value) {
        String key = newKey();
        put(key, value);
        return key;
    }

    /** Stores {@code value} under a key the caller generated (for example a Nimbus {@code AuthorizationCode}). */
    void put(String key, V value) {
        purgeExpired();
        entries.put(key, new Entry<>(value, clock.instant().plus(lifetime)));
    }

    /** The value of {@code key}, if known and unexpired; the value stays stored. */
    Optional<V> find(String key) {
        Entry<V> entry = key == null ? null : entries.get(key);
        if (entry == null || !clock.instant().isBefore(entry.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /** Removes and returns the value of {@code key} (single use), if known and unexpired. */
    Optional<V> take(String key) {
        return takeIf(key, value -> true);
    }

    /**
     * Removes and returns the value of {@code key} only if it is unexpired and matches {@code condition}; a value
     * that does not match stays stored (so a wrong client cannot burn another client's refresh token).
     */
    Optional<V> takeIf(String key, Predicate<V> condition) {
        if (key == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Object[] taken = new Object[1];
        entries.computeIfPresent(key, (k, entry) -> {
            if (!now.isBefore(entry.expiresAt())) {
                return null;
            }
            if (!condition.test(entry.value())) {
                return entry;
            }
            taken[0] = entry.value();
            return null;
        });
        @SuppressWarnings("unchecked")
        V value = (V) taken[0];
        return Optional.ofNullable(value);
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        entries.values().removeIf(entry -> !now.isBefore(entry.expiresAt()));
    }
}
