package io.chartlens.record;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.chartlens.system.ConfigFiles;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import net.minidev.json.JSONObject;

/**
 * How old a value may be before it is stale, per kind, from {@code smart-config/record/freshness.json}; and how its
 * age reads on the page ("3 d ago").
 */
public final class Freshness {

    private final String version;
    private final String defaultLimit;
    private final Map<String, String> limits;

    public Freshness(String json) {
        try {
            JSONObject o = JSONObjectUtils.parse(json);
            version = JSONObjectUtils.getString(o, "version");
            defaultLimit = JSONObjectUtils.getString(o, "defaultLimit");
            Map<String, String> parsed = new HashMap<>();
            JSONObject l = JSONObjectUtils.getJSONObject(o, "limits");
            for (String kind : l.keySet()) {
                String limit = JSONObjectUtils.getString(l, kind);
                plus(Instant.EPOCH, limit); // validate now, not at first use
                parsed.put(kind, limit);
            }
            plus(Instant.EPOCH, defaultLimit);
            limits = Map.copyOf(parsed);
        } catch (ParseException | RuntimeException e) {
            throw new IllegalStateException("record/freshness.json is invalid: " + e.getMessage(), e);
        }
    }

    public static Freshness fromConfig(ConfigFiles files) {
        return new Freshness(files.read("record/freshness.json"));
    }

    public String version() {
        return version;
    }

    /** True when a value of {@code kind} taken at {@code effective} is older than its limit at {@code reference}. */
    public boolean isStale(String kind, OffsetDateTime effective, ReferenceDate reference) {
        if (effective == null) {
            return true;
        }
        Instant limit = plus(effective.toInstant(), limits.getOrDefault(kind, defaultLimit));
        return limit.isBefore(reference.value());
    }

    /** The freshness limit of a kind as a duration (calendar periods counted from the epoch). */
    public Duration limitOf(String kind) {
        return Duration.between(Instant.EPOCH, plus(Instant.EPOCH, limits.getOrDefault(kind, defaultLimit)));
    }

    /**
     * "just now", "5 min ago", "3 h ago", "4 d ago", "7 mo ago", "2 y ago"; "dated after the reference date" for a
     * date more than 5 minutes after it.
     */
    public static String age(OffsetDateTime effective, ReferenceDate reference) {
        if (effective == null) {
            return "date unknown";
        }
        Duration d = Duration.between(effective.toInstant(), reference.value());
        if (d.isNegative()) {
            return d.abs().toMinutes() < 5 ? "just now" : "dated after the reference date";
        }
        if (d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min ago";
        }
        if (d.toDays() < 2) {
            return d.toHours() + " h ago";
        }
        if (d.toDays() < 60) {
            return d.toDays() + " d ago";
        }
        long months = ChronoUnit.MONTHS.between(effective.withOffsetSameInstant(ZoneOffset.UTC),
                reference.value().atOffset(ZoneOffset.UTC));
        return months < 24 ? months + " mo ago" : (months / 12) + " y ago";
    }

    /** ISO-8601 durations: PT24H style (Duration) or P1Y style (Period, calendar-aware). */
    private static Instant plus(Instant start, String iso) {
        if (iso.startsWith("PT")) {
            return start.plus(Duration.parse(iso));
        }
        return start.atOffset(ZoneOffset.UTC).plus(Period.parse(iso)).toInstant();
    }
}
