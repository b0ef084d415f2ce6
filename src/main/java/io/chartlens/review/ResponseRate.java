package io.chartlens.review;

import java.util.Locale;

/**
 * Decisions per card shown: decided / shown, where decided = accepted + overridden + dismissed (what-if corrections
 * are not decisions) and shown counts each card once per launch (or per CDS Hooks call).
 *
 * <p>It is not a proportion of the same units, so it has no Wilson interval and can exceed 100 %: a clinician who
 * changes a decision in the same launch adds a decision and no card, and cards shown before impressions were
 * recorded (or lost when the database refused them) are missing from {@code shown}. With decisions but nothing
 * shown, impressions were {@linkplain #recorded() not recorded}, which is not the same as 0 cards shown.
 *
 * @param decided accepted + overridden + dismissed
 * @param shown   cards shown
 */
public record ResponseRate(long decided, long shown) {

    public ResponseRate {
        if (decided < 0 || shown < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    /** False when there are decisions but no card shown was recorded: "shown" is then unknown, not 0. */
    public boolean recorded() {
        return shown > 0 || decided == 0;
    }

    /** True when there were cards shown, so the rate is a number. */
    public boolean defined() {
        return shown > 0;
    }

    /** decided / shown in percent, e.g. 41.7; 0 when not {@link #defined()}. */
    public double percent() {
        return shown == 0 ? 0 : 100.0 * decided / shown;
    }

    /** "12" or "not recorded". */
    public String shownText() {
        return recorded() ? String.valueOf(shown) : "not recorded";
    }

    /** "42 %", "–" when nothing was shown or decided, or "not recorded". */
    public String text() {
        return defined() ? String.format(Locale.ROOT, "%.0f %%", percent()) : recorded() ? "–" : "not recorded";
    }
}
