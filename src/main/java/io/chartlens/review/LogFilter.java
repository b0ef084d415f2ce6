package io.chartlens.review;

import io.chartlens.overrides.CardType;
import io.chartlens.overrides.FeedbackOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Which feedback rows the log page and the CSV export show. Every field is optional (null = any); text fields match
 * exactly.
 *
 * @param range      occurred_at range; never null ({@link TimeRange#ALL})
 * @param cardType   the card type, or null
 * @param ruleId     the rule id, or null
 * @param ruleVersion the rule version, or null
 * @param outcome    the outcome, or null
 * @param ehr        the EHR registration id, or null
 * @param actorRole  the actor's role as stored, or null
 */
public record LogFilter(TimeRange range, CardType cardType, String ruleId, String ruleVersion,
                        FeedbackOutcome outcome, String ehr, String actorRole) {

    /** The request parameter names {@link #parse} reads and {@link #parameters} writes. */
    public static final String FROM = "from", TO = "to", CARD_TYPE = "cardType", RULE = "rule",
            VERSION = "version", OUTCOME = "outcome", EHR = "ehr", ROLE = "role";

    /** No filter: every row. */
    public static final LogFilter ALL = new LogFilter(TimeRange.ALL, null, null, null, null, null, null);

    public LogFilter {
        range = range == null ? TimeRange.ALL : range;
        ruleId = blankToNull(ruleId);
        ruleVersion = blankToNull(ruleVersion);
        ehr = blankToNull(ehr);
        actorRole = blankToNull(actorRole);
    }

    /** The rows of one rule (one version, or all when the key has none) in a range. */
    public static LogFilter forRule(RuleKey rule, TimeRange range) {
        return new LogFilter(range, rule.cardType(), rule.ruleId(), rule.ruleVersion(), null, null, null);
    }

    /**
     * Parses request parameters (blank or missing = any). Times: a date {@code YYYY-MM-DD} (UTC; {@code from}
     * includes that day from midnight, {@code to} includes that whole day) or an ISO-8601 instant ({@code to}
     * excluded).
     *
     * @param parameter a request parameter by name, null when absent
     * @throws InvalidFilterException naming the parameter and the {@link FilterProblem}
     */
    public static LogFilter parse(Function<String, String> parameter) throws InvalidFilterException {
        Instant from = time(parameter, FROM, false);
        Instant to = time(parameter, TO, true);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidFilterException(FilterProblem.RANGE_REVERSED, TO);
        }
        CardType cardType = constant(parameter, CARD_TYPE, CardType.class, FilterProblem.UNKNOWN_CARD_TYPE);
        FeedbackOutcome outcome = constant(parameter, OUTCOME, FeedbackOutcome.class, FilterProblem.UNKNOWN_OUTCOME);
        return new LogFilter(new TimeRange(from, to), cardType, text(parameter, RULE, 100),
                text(parameter, VERSION, 40), outcome, text(parameter, EHR, 100), text(parameter, ROLE, 40));
    }

    /** The filter as request parameters (instants in ISO-8601), for links to the next page or the export. */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, FROM, range.from());
        put(p, TO, range.to());
        put(p, CARD_TYPE, cardType == null ? null : cardType.name());
        put(p, RULE, ruleId);
        put(p, VERSION, ruleVersion);
        put(p, OUTCOME, outcome == null ? null : outcome.name());
        put(p, EHR, ehr);
        put(p, ROLE, actorRole);
        return p;
    }

    /** The SQL condition for this filter (column names of {@code feedback_event}). */
    SqlWhere where() {
        return new SqlWhere().range(range).equal("card_type", cardType).equal("rule_id", ruleId)
                .equal("rule_version", ruleVersion).equal("outcome", outcome).equal("ehr", ehr)
                .equal("actor_role", actorRole);
    }

    private static void put(Map<String, String> p, String name, Object value) {
        if (value != null) {
            p.put(name, value.toString());
        }
    }

    private static Instant time(Function<String, String> parameter, String name, boolean endOfDay)
            throws InvalidFilterException {
        String value = blankToNull(parameter.apply(name));
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidFilterException(FilterProblem.TIME_NOT_ISO, name);
        }
    }

    private static <E extends Enum<E>> E constant(Function<String, String> parameter, String name, Class<E> type,
                                                  FilterProblem problem) throws InvalidFilterException {
        String value = blankToNull(parameter.apply(name));
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFilterException(problem, name);
        }
    }

    private static String text(Function<String, String> parameter, String name, int max)
            throws InvalidFilterException {
        String value = blankToNull(parameter.apply(name));
        if (value != null && value.length() > max) {
            throw new InvalidFilterException(FilterProblem.VALUE_TOO_LONG, name);
        }
        return value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
