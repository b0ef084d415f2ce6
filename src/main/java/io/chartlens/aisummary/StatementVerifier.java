package io.chartlens.aisummary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Keeps the statements of a summary that their citations support and drops the rest, whoever wrote them (the rules
 * or a model). A statement is dropped, with the first failing {@link DropReason}, when:
 * <ol>
 *     <li>its text is blank, or longer than {@value #MAX_LENGTH} characters;</li>
 *     <li>it cites nothing;</li>
 *     <li>a citation is not {@code Type/id} of a resource in the patient's record;</li>
 *     <li>a number in its text is in none of its cited resources (which numbers count: {@link StatementText}; time
 *     spans such as "12 d before", ordinals, list markers and digits inside names such as NEWS2 do not; a value may
 *     be rounded to two or more significant digits: 1.51 for 1.5147929);</li>
 *     <li>an ISO date in its text is in none of its cited resources.</li>
 * </ol>
 * Each drop is logged at INFO with its reason and the cited references of the record only: never the statement's
 * text, which may hold health information, nor a citation that is not in the record (a model may have written
 * anything there).
 */
public final class StatementVerifier {

    /** Longest statement kept, in characters. */
    public static final int MAX_LENGTH = 400;

    private static final Logger LOG = Logger.getLogger(StatementVerifier.class.getName());
    /** FHIR R4 resource type and id syntax (id: 1 to 64 of A-Z, a-z, 0-9, '-', '.'). */
    private static final Pattern REFERENCE = Pattern.compile("[A-Z][A-Za-z]{1,63}/[A-Za-z0-9\\-.]{1,64}");

    /** Each statement checked against the record's resources; the order of the kept ones is preserved. */
    public Verification verify(List<CitedStatement> statements, EvidenceIndex index) {
        Objects.requireNonNull(statements, "statements");
        Objects.requireNonNull(index, "index");
        List<CitedStatement> kept = new ArrayList<>();
        List<DroppedStatement> dropped = new ArrayList<>();
        for (CitedStatement statement : statements) {
            Optional<DroppedStatement> failure = check(statement, index);
            if (failure.isPresent()) {
                dropped.add(failure.get());
                log(failure.get(), index);
            } else {
                kept.add(statement);
            }
        }
        return new Verification(kept, dropped);
    }

    /** The first check the statement fails, or empty when its citations support it. Does not log. */
    static Optional<DroppedStatement> check(CitedStatement statement, EvidenceIndex index) {
        String text = statement.text();
        if (text.isBlank()) {
            return drop(statement, DropReason.BLANK, "no text");
        }
        if (text.length() > MAX_LENGTH) {
            return drop(statement, DropReason.TOO_LONG, text.length() + " characters");
        }
        if (statement.citations().isEmpty()) {
            return drop(statement, DropReason.NO_CITATION, "no citation");
        }
        for (String citation : statement.citations()) {
            if (citation == null || !REFERENCE.matcher(citation).matches() || !index.contains(citation)) {
                return drop(statement, DropReason.UNKNOWN_CITATION, citation + " is not in the record");
            }
        }
        Set<BigDecimal> numbers = new HashSet<>();
        Set<LocalDate> dates = new HashSet<>();
        for (String citation : statement.citations()) {
            numbers.addAll(index.numbers(citation));
            dates.addAll(index.dates(citation));
        }
        for (BigDecimal value : StatementText.claimedValues(text)) {
            if (!StatementText.supports(numbers, value)) {
                return drop(statement, DropReason.UNSUPPORTED_NUMBER,
                        value.toPlainString() + " is not in " + statement.citations());
            }
        }
        for (String date : StatementText.claimedDates(text)) {
            if (!parses(date) || !dates.contains(LocalDate.parse(date))) {
                return drop(statement, DropReason.UNSUPPORTED_DATE, date + " is not in " + statement.citations());
            }
        }
        return Optional.empty();
    }

    private static boolean parses(String date) {
        try {
            LocalDate.parse(date);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Optional<DroppedStatement> drop(CitedStatement statement, DropReason reason, String detail) {
        return Optional.of(new DroppedStatement(statement, reason, detail));
    }

    private static void log(DroppedStatement dropped, EvidenceIndex index) {
        List<String> inRecord = dropped.statement().citations().stream().filter(index::contains).toList();
        long others = dropped.statement().citations().size() - inRecord.size();
        LOG.log(Level.INFO, "Dropped a summary statement: {0} ({1}); cites {2}{3}", new Object[]{
                dropped.reason().name(), dropped.reason().description(), inRecord,
                others == 0 ? "" : " and " + others + " citation(s) not in the record"});
    }
}
