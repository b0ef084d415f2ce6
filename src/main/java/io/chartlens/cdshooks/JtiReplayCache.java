package io.chartlens.cdshooks;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The JWT ids already seen, so that a captured CDS client JWT cannot be replayed (CDS Hooks 2.0, Trusting CDS
 * Clients: {@code jti} "used to protect against replay attacks"). Keyed by issuer and {@code jti}; each entry is kept
 * until its token can no longer be accepted (its {@code exp} plus the clock skew), so the cache is bounded by the
 * calls of the last few minutes, and by {@code max} entries.
 *
 * <p>Per instance: with several ChartLens instances behind a load balancer, a token replayed to another instance
 * is not detected by this cache. The short token lifetime ChartLens enforces (5 minutes) bounds that window; a shared
 * store (the database or a JCache) would close it.
 */
final class JtiReplayCache {

    /** The outcome of presenting a {@code jti}. */
    enum Use { FIRST, REPLAYED, FULL }

    private final int max;
    private final Clock clock;
    private final Map<String, Instant> seen = new HashMap<>();

    JtiReplayCache(int max, Clock clock) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        this.max = max;
        this.clock = clock;
    }

    /**
     * Records a first use, or says the id was used before (or that no room is left, which the caller must treat as a
     * refusal: accepting without remembering would reopen replay).
     *
     * @param keepUntil when the token stops being acceptable anyway
     */
    synchronized Use use(String iss, String jti, Instant keepUntil) {
        Instant now = clock.instant();
        String key = iss + '\n' + jti;
        Instant known = seen.get(key);
        if (known != null && known.isAfter(now)) {
            return Use.REPLAYED;
        }
        if (seen.size() >= max) {
            seen.values().removeIf(until -> !until.isAfter(now));
            if (seen.size() >= max) {
                return Use.FULL;
            }
        }
        seen.put(key, keepUntil);
        return Use.FIRST;
    }

    synchronized int size() {
        return seen.size();
    }
}
