package io.chartlens.aisummary;

import java.util.regex.Pattern;

/**
 * Words from ChartLens configuration (score names, bands and input labels, measure titles) made fit for a statement:
 * their numbers ("HAS-BLED >= 3", "> 9%") come from the configuration, not from the patient's resources, so a
 * statement could not cite them. Parentheses that hold a number are removed; a text that still has one is cut
 * before it.
 */
final class ConfigText {

    private static final Pattern NUMBERED_PARENTHESIS = Pattern.compile("\\s*\\([^()]*\\d[^()]*\\)");
    private static final Pattern TRAILING = Pattern.compile(
            "(?i)(?:[\\s,;:(\\-<>=≥≤]|\\b(?:of|with|in|at|to|by|for|than|the|a|an|or|and|over|under|below|above)\\b)+$");

    private ConfigText() {
    }

    static String of(String text) {
        String out = NUMBERED_PARENTHESIS.matcher(StatementText.clean(text)).replaceAll("").replaceAll("\\s+", " ")
                .strip();
        int first = StatementText.firstValue(out);
        if (first >= 0) {
            out = TRAILING.matcher(out.substring(0, first)).replaceAll("").strip();
        }
        return out;
    }

    /** A band label up to its first parenthesis or colon ("high (LACE >= 10)" is "high"). */
    static String band(String label) {
        String out = label;
        for (String stop : new String[]{"(", ":"}) {
            int at = out.indexOf(stop);
            out = at >= 0 ? out.substring(0, at) : out;
        }
        return of(out);
    }
}
