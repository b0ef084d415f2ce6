package io.chartlens.aisummary;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule for which numbers in a text are values that must be found in the cited resources, shared by the
 * {@link EvidenceIndex} (the numbers a resource's texts contain) and the {@link StatementVerifier} (the numbers a
 * statement claims). Values are compared after {@link #normalise}: sign and trailing zeros do not count, so 132,
 * 132.0 and 132.00 match.
 *
 * <p>A number is a run of ASCII digits with an optional decimal part ({@code 7.9}). Not a value:
 * <ul>
 *     <li>digits that follow a letter, directly or through a hyphen: names and codes such as CHA2DS2-VASc, NEWS2,
 *     SpO2, HbA1c, CMS130, COVID-19, T2DM, kg/m2;</li>
 *     <li>ordinals: 1st, 2nd, 3rd, 21st;</li>
 *     <li>(statements only) a time span that places the fact in time: "in 30 d", "within 14 days", "last 12 months",
 *     "3 d ago", "12 days before", "2 y earlier", "10-year", "30-day" (units d, day, wk, week, mo, month, y, yr, year,
 *     h, hr, hour);</li>
 *     <li>(statements only) a list marker at the start of a line: "1.", "2)", "(3)", "#4";</li>
 *     <li>(statements only) the parts of an ISO date ({@code 2020-01-31}): the date is checked as a whole against the
 *     cited resources' dates instead.</li>
 * </ul>
 * A comma separates numbers ("1,200" is 1 and 200), so write numbers as the resource does. A value may be rounded
 * ({@link #supports}).
 */
final class StatementText {

    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\uFEFF]");
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\d.])(?<!\\p{L}[-\\u2010])\\d+(?:\\.\\d+)?(?!\\d)(?!(?:st|nd|rd|th)\\b)");
    private static final Pattern ISO_DATE = Pattern.compile(
            "(?<![\\d-])(\\d{4}-\\d{2}-\\d{2})(?:T[0-9:.]+(?:Z|[+-]\\d{2}:\\d{2})?)?(?![\\d-])");
    private static final String NUM = "\\d+(?:\\.\\d+)?";
    private static final String UNIT = "(?:d|days?|wks?|weeks?|mo|mos|months?|y|yrs?|years?|h|hrs?|hours?)";
    private static final Pattern TIME_SPAN = Pattern.compile("(?i)"
            + "\\b(?:(?:in|within)\\s+(?:the\\s+)?(?:(?:last|past|previous|next)\\s+)?|(?:last|past|previous|next)\\s+)"
            + NUM + "\\s*" + UNIT + "\\b"
            + "|\\b" + NUM + "\\s*" + UNIT + "\\s+(?:ago|before|earlier|after|later|prior|previously|since)\\b"
            + "|\\b" + NUM + "-" + UNIT + "\\b");
    private static final Pattern LIST_MARKER = Pattern.compile("(?m)^\\s*(?:\\(\\d{1,2}\\)|\\d{1,2}[.)](?=\\s)|#\\d{1,2}\\b)");

    private StatementText() {
    }

    /** Without invisible characters (some source displays carry U+200B) and with ordinary spaces. */
    static String clean(String text) {
        return INVISIBLE.matcher(text == null ? "" : text).replaceAll("").replace('\u00A0', ' ');
    }

    /** Every value in a resource's text (a display, a unit), normalised. */
    static List<BigDecimal> values(String text) {
        List<BigDecimal> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(clean(text));
        while (m.find()) {
            out.add(normalise(new BigDecimal(m.group())));
        }
        return out;
    }

    /**
     * The values a statement claims: its numbers except time spans, list markers and ISO dates, as written (their
     * scale kept, so that {@link #supports} knows how far a value was rounded).
     */
    static List<BigDecimal> claimedValues(String statement) {
        String text = blank(ISO_DATE, clean(statement));
        text = blank(TIME_SPAN, text);
        text = blank(LIST_MARKER, text);
        List<BigDecimal> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(new BigDecimal(m.group()));
        }
        return out;
    }

    /**
     * Whether a written value is one of a resource's numbers: equal once normalised, or that number rounded half-up
     * to the decimals written, keeping at least two significant digits. So 1.51 and 1.5 stand for 1.5147929 (the
     * Synthea "gsd" samples record 16 decimals), but 2 does not; 12 stands for 12.261, and 0.027 for 0.0272.
     *
     * @param numbers normalised numbers, as {@link EvidenceIndex#numbers} returns them
     */
    static boolean supports(Set<BigDecimal> numbers, BigDecimal written) {
        if (numbers.contains(normalise(written))) {
            return true;
        }
        if (written.precision() < 2) {
            return false;
        }
        for (BigDecimal n : numbers) {
            if (n.scale() > written.scale()
                    && n.setScale(written.scale(), RoundingMode.HALF_UP).compareTo(written) == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * A recorded value for reading: as recorded up to two decimals, else rounded half-up to three significant digits
     * (to whole units when it has more integer digits). {@link #supports} accepts the result.
     */
    static String readable(BigDecimal value) {
        if (value.scale() <= 2) {
            return value.toPlainString();
        }
        BigDecimal rounded = value.round(new MathContext(3, RoundingMode.HALF_UP));
        return (rounded.scale() < 0 ? value.setScale(0, RoundingMode.HALF_UP) : rounded).toPlainString();
    }

    /** The ISO dates ({@code yyyy-MM-dd}, with or without a time) a statement claims, as written. */
    static List<String> claimedDates(String statement) {
        List<String> out = new ArrayList<>();
        Matcher m = ISO_DATE.matcher(clean(statement));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /**
     * Where the first number that would have to be found in a resource starts (a date's digits included), or -1.
     * Cleans nothing: call it on {@link #clean} text.
     */
    static int firstValue(String text) {
        Matcher m = NUMBER.matcher(blank(LIST_MARKER, blank(TIME_SPAN, text)));
        return m.find() ? m.start() : -1;
    }

    /** Sign and trailing zeros removed, scale at least 0: 132, 132.0, 132.00 and -132 are equal. */
    static BigDecimal normalise(BigDecimal value) {
        BigDecimal stripped = value.abs().stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** True when the text has no number that would have to be found in a resource. */
    static boolean hasNoValues(String text) {
        return claimedValues(text).isEmpty() && claimedDates(text).isEmpty();
    }

    private static String blank(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, " ".repeat(m.end() - m.start()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
