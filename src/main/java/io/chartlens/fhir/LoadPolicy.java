package io.chartlens.fhir;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link RecordLoader} loads a record: page size, how much to keep per section, how long the whole load may take
 * and how to retry a busy EHR. The defaults suit an EHR launch, where the page must render within seconds and a
 * section with thousands of resources (a Synthea chronic patient has 2,700 Observations) is shown capped.
 *
 * @param pageSize         {@code _count} asked for each search page (the server may return fewer), at least 1
 * @param sectionCap       the most resources kept per section unless {@code sectionCaps} names the section, at least 1
 * @param sectionCaps      per-section caps that override {@code sectionCap}; never null (copied)
 * @param deadline         the whole load's time limit; unfinished sections become UNAVAILABLE, positive
 * @param maxRetries       retries after HTTP 429 or 503 per request, at least 0
 * @param maxRetryWait     the longest single wait before a retry, also the cap on a server's {@code Retry-After}
 * @param baseBackoff      the first retry's wait when the server gives no {@code Retry-After}; doubled per retry, with
 *                         jitter
 */
public record LoadPolicy(int pageSize, int sectionCap, Map<RecordSection, Integer> sectionCaps, Duration deadline,
                         int maxRetries, Duration maxRetryWait, Duration baseBackoff) {

    public LoadPolicy {
        if (pageSize < 1 || sectionCap < 1 || maxRetries < 0) {
            throw new IllegalArgumentException("pageSize and sectionCap must be positive, maxRetries not negative");
        }
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(maxRetryWait, "maxRetryWait");
        Objects.requireNonNull(baseBackoff, "baseBackoff");
        if (deadline.isNegative() || deadline.isZero() || maxRetryWait.isNegative() || baseBackoff.isNegative()) {
            throw new IllegalArgumentException("deadline must be positive and waits not negative");
        }
        Objects.requireNonNull(sectionCaps, "sectionCaps").forEach((section, cap) -> {
            if (section == null || cap == null || cap < 1) {
                throw new IllegalArgumentException("section caps must name a section and be positive");
            }
        });
        sectionCaps = sectionCaps.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(sectionCaps));
    }

    /**
     * {@code _count=500}, 5,000 per section, 20 s for the load, 2 retries of at most 5 s, backoff from 200 ms. Every
     * page of a section is one more round trip after the previous one, so pages are large: a server with a lower
     * maximum answers with fewer and a {@code next} link, which is followed.
     */
    public static LoadPolicy defaults() {
        return new LoadPolicy(500, 5_000, Map.of(), Duration.ofSeconds(20), 2, Duration.ofSeconds(5),
                Duration.ofMillis(200));
    }

    /** The cap for a section: its own, else the common one. */
    public int capFor(RecordSection section) {
        return sectionCaps.getOrDefault(section, sectionCap);
    }

    public LoadPolicy withPageSize(int size) {
        return new LoadPolicy(size, sectionCap, sectionCaps, deadline, maxRetries, maxRetryWait, baseBackoff);
    }

    public LoadPolicy withSectionCap(int cap) {
        return new LoadPolicy(pageSize, cap, sectionCaps, deadline, maxRetries, maxRetryWait, baseBackoff);
    }

    /** This policy with one section's cap set, the others kept. */
    public LoadPolicy withSectionCap(RecordSection section, int cap) {
        Map<RecordSection, Integer> caps = new EnumMap<>(RecordSection.class);
        caps.putAll(sectionCaps);
        caps.put(section, cap);
        return new LoadPolicy(pageSize, sectionCap, caps, deadline, maxRetries, maxRetryWait, baseBackoff);
    }

    public LoadPolicy withDeadline(Duration limit) {
        return new LoadPolicy(pageSize, sectionCap, sectionCaps, limit, maxRetries, maxRetryWait, baseBackoff);
    }

    public LoadPolicy withRetries(int retries, Duration maxWait, Duration backoff) {
        return new LoadPolicy(pageSize, sectionCap, sectionCaps, deadline, retries, maxWait, backoff);
    }
}
