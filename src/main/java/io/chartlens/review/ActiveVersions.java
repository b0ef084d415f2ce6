package io.chartlens.review;

import io.chartlens.aisummary.PromptVersionChoices;
import io.chartlens.bundles.BundleVersionChoices;
import io.chartlens.caregaps.MeasureVersionChoices;
import io.chartlens.risk.ScoreVersionChoices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * The administrators' version choices as the scores, bundles, care-gap measures and the AI summary prompt read them
 * on every page load: read from
 * {@link RuleVersionChoices} and cached per kind of rule.
 *
 * <p>A change made on the admin page of this JVM calls {@link #changed}, so the next page load computes with it. With
 * several instances, another instance sees the change when its cache expires ({@link #TTL}); until then it computes
 * with the version it last read. If the database cannot be read, the last choices read are kept (none before the
 * first read: every rule then uses its default file) and a warning is logged; the read is retried after
 * {@link #RETRY}. Cards and log rows carry the version they were computed with, so such a fallback is visible.
 */
@ApplicationScoped
public class ActiveVersions implements ScoreVersionChoices, BundleVersionChoices, MeasureVersionChoices,
        PromptVersionChoices {

    /** How long choices read from the database are used before they are read again (other instances' changes). */
    static final Duration TTL = Duration.ofSeconds(30);
    /** How soon a failed read is tried again. */
    static final Duration RETRY = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(ActiveVersions.class.getName());

    @Inject
    RuleVersionChoices choices;

    private final Clock clock;
    /** Guarded by itself, with {@link #changes}. */
    private final Map<RuleKind, Snapshot> snapshots = new EnumMap<>(RuleKind.class);
    /** Counts changes, so a read that raced with a change is not kept as if it were fresh. */
    private long changes;

    /** The choices of one kind of rule as read at one time. */
    private record Snapshot(List<String> ids, Map<String, String> chosen, Instant expires, boolean failed) {
    }

    /** For CDI. */
    public ActiveVersions() {
        this.clock = Clock.systemUTC();
    }

    /** For tests: the given choices and clock. */
    ActiveVersions(RuleVersionChoices choices, Clock clock) {
        this.choices = Objects.requireNonNull(choices, "choices");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Map<String, String> chosenScoreVersions(List<String> scoreIds) {
        return chosen(RuleKind.SCORE, scoreIds);
    }

    @Override
    public Map<String, String> chosenBundleVersions(List<String> bundleIds) {
        return chosen(RuleKind.BUNDLE, bundleIds);
    }

    @Override
    public Map<String, String> chosenMeasureVersions(List<String> measureIds) {
        return chosen(RuleKind.MEASURE, measureIds);
    }

    @Override
    public Map<String, String> chosenPromptVersions(List<String> promptIds) {
        return chosen(RuleKind.PROMPT, promptIds);
    }

    /** After an activation or rollback in this JVM: the next read of this kind goes to the database. */
    public void changed(RuleKind kind) {
        synchronized (snapshots) {
            changes++;
            // expired rather than removed: kept as the fallback should the database not answer now
            snapshots.computeIfPresent(kind, (k, s) -> new Snapshot(s.ids(), s.chosen(), Instant.MIN, s.failed()));
        }
    }

    /** The chosen version of each of {@code ids} that has a choice. */
    Map<String, String> chosen(RuleKind kind, List<String> ids) {
        Instant now = clock.instant();
        Snapshot last;
        long changesBefore;
        synchronized (snapshots) {
            last = snapshots.get(kind);
            changesBefore = changes;
        }
        if (last != null && last.ids().equals(ids) && now.isBefore(last.expires())) {
            return last.chosen();
        }
        Snapshot next;
        try {
            Map<String, String> chosen = new LinkedHashMap<>();
            for (String id : ids) {
                choices.active(kind, id).ifPresent(version -> chosen.put(id, version));
            }
            next = new Snapshot(List.copyOf(ids), Map.copyOf(chosen), now.plus(TTL), false);
            if (last != null && last.failed()) {
                LOG.info("Active " + kind + " versions are read again from the database");
            }
        } catch (ReviewUnavailableException e) {
            Map<String, String> kept = last == null ? Map.of() : last.chosen();
            next = new Snapshot(List.copyOf(ids), kept, now.plus(RETRY), true);
            if (last == null || !last.failed()) {
                LOG.warning("Active " + kind + " versions could not be read; "
                        + (last == null ? "every " + kind + " uses its default file" : "the last choices read are kept")
                        + " until the database answers (" + e.getMessage() + ")");
            }
        }
        synchronized (snapshots) {
            if (changes == changesBefore) {
                snapshots.put(kind, next);
            }
        }
        return next.chosen();
    }
}
