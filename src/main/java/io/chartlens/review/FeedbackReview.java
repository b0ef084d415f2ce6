package io.chartlens.review;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What the review pages read from the feedback log and the cards shown: the overview, a rule's weekly trend and
 * drill-down, the filtered log a page at a time, and its CSV export. Read-only plain JDBC on {@code jdbc/chartlens}
 * (the tables are Flyway's, see {@code V2__feedback_log.sql}, {@code V4__feedback_strata.sql} and
 * {@code V7__card_impressions.sql}); every method works without a transaction and inside the caller's.
 *
 * <p>Pseudonymous throughout: {@code patient_id} (kept for audit only) is never selected, so no page or export can
 * show it; nor are the payload, encounter or launch ids. Failures become {@link ReviewUnavailableException} with
 * exception types and SQL states only.
 */
@ApplicationScoped
public class FeedbackReview {

    @Resource(lookup = "jdbc/chartlens")
    DataSource dataSource;

    /** For CDI. */
    public FeedbackReview() {
    }

    /** For tests and tools: a plain data source. */
    public FeedbackReview(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Cards shown, decisions and override rate per card type, rule id and version with rows in the range. */
    public List<RuleOverview> overview(TimeRange range) {
        try {
            return new OverviewQueries(dataSource()).overview(range);
        } catch (SQLException e) {
            throw new ReviewUnavailableException("read the overview", e);
        }
    }

    /** A rule's (or one version's) decisions and cards shown per ISO week (UTC), oldest first, empty weeks as zeros. */
    public List<WeekCounts> trend(RuleKey rule, TimeRange range) {
        try {
            return new OverviewQueries(dataSource()).trend(rule, range);
        } catch (SQLException e) {
            throw new ReviewUnavailableException("read the weekly trend", e);
        }
    }

    /** A rule's (or one version's) cards shown per source in the range; sources without any left out. */
    public Map<ImpressionSource, Long> shownBySource(RuleKey rule, TimeRange range) {
        try {
            return new ShownQueries(dataSource()).perSource(rule, range);
        } catch (SQLException e) {
            throw new ReviewUnavailableException("count the cards shown", e);
        }
    }

    /** The first UTC day a card shown was recorded on, or empty when none has been. */
    public Optional<LocalDate> shownRecordedSince() {
        try {
            return new ShownQueries(dataSource()).firstDay();
        } catch (SQLException e) {
            throw new ReviewUnavailableException("read when cards shown were first recorded", e);
        }
    }

    /** A rule's (or one version's) reasons and strata, the strata flagged by {@code thresholds}. */
    public DrillDown drillDown(RuleKey rule, TimeRange range, StrataThresholds thresholds) {
        try {
            return new StrataQueries(dataSource()).drillDown(rule, range, thresholds);
        } catch (SQLException e) {
            throw new ReviewUnavailableException("read the drill-down", e);
        }
    }

    /**
     * One page of the filtered log, newest first.
     *
     * @param before the previous page's {@link LogPage#nextBefore()}, or null for the first page
     * @param size   rows per page, 1 to 500
     * @throws InvalidFilterException for a bad size or cursor
     */
    public LogPage page(LogFilter filter, Long before, int size) throws InvalidFilterException {
        try {
            return new LogQueries(dataSource()).page(filter, before, size);
        } catch (SQLException e) {
            throw new ReviewUnavailableException("read the log", e);
        }
    }

    /** How many rows the filter matches. */
    public long count(LogFilter filter) {
        try {
            return new LogQueries(dataSource()).count(filter);
        } catch (SQLException e) {
            throw new ReviewUnavailableException("count the log", e);
        }
    }

    /**
     * Streams the filtered log as CSV (RFC 4180, CRLF, formula cells neutralised) to {@code out}, newest first,
     * and flushes it (does not close it).
     *
     * @return the number of data rows written
     * @throws IOException if the writer fails (e.g. the client went away); the cursor is closed
     */
    public long exportCsv(LogFilter filter, Writer out) throws IOException {
        try {
            return new CsvExport(dataSource()).export(filter, out);
        } catch (SQLException e) {
            throw new ReviewUnavailableException("export the log", e);
        }
    }

    /** As {@link #exportCsv(LogFilter, Writer)}, in UTF-8 (buffered; flushed, not closed). */
    public long exportCsv(LogFilter filter, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        return exportCsv(filter, writer);
    }

    private DataSource dataSource() {
        if (dataSource == null) {
            throw new IllegalStateException("Data source jdbc/chartlens was not injected");
        }
        return dataSource;
    }
}
