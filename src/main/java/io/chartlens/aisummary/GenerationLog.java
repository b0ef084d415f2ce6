package io.chartlens.aisummary;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONArrayUtils;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;

/**
 * The generation log ({@code summary_generation}, migration V3), in plain JDBC: every summary generation, model or
 * deterministic, with its prompt version, model, input references, output, verification, latency and fallback
 * reason. Each {@link #record} is one insert, in the caller's JTA transaction if there is one, else committed at
 * once (the container's data source auto-commits outside a transaction).
 */
@ApplicationScoped
public class GenerationLog {

    /** The most rows {@link #recent} returns, however many are asked for. */
    public static final int RECENT_MAX = 1000;
    static final int MAX_TEXT_COLUMN = 100_000;

    private static final String COLUMNS = "id, created_at, subject_key, task, prompt_version, model_id, input_refs,"
            + " output, kept_count, dropped_count, verification, latency_ms, source, fallback_reason";

    @Resource(lookup = "jdbc/chartlens")
    DataSource dataSource;

    private final Clock clock;
    private final io.chartlens.system.SequenceIds ids = new io.chartlens.system.SequenceIds("summary_generation_seq");

    /** For CDI. */
    public GenerationLog() {
        this.clock = Clock.systemUTC();
    }

    /** For tests and tools: a plain data source. */
    GenerationLog(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Adds one generation.
     *
     * @return the row as stored
     * @throws IllegalArgumentException if a column would exceed {@value #MAX_TEXT_COLUMN} characters
     * @throws GenerationLogException   if it was not saved (database down or not migrated, constraint violated)
     */
    public GenerationLogEntry record(GenerationRecord generation) {
        Objects.requireNonNull(generation, "generation");
        String inputRefs = bounded("input_refs", String.join(",", generation.inputRefs()));
        String output = bounded("output", statementsJson(generation.output()));
        String verification = bounded("verification",
                JSONArray.toJSONString(generation.verification(), ModelSummarizerPrompt.PLAIN_JSON));
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try (Connection c = dataSource().getConnection()) {
            long id = nextId(c);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO summary_generation (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, id);
                insert.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                insert.setString(3, generation.subjectKey());
                insert.setString(4, generation.task());
                insert.setString(5, generation.promptVersion());
                insert.setString(6, generation.modelId());
                insert.setString(7, inputRefs);
                insert.setString(8, output);
                insert.setInt(9, generation.keptCount());
                insert.setInt(10, generation.droppedCount());
                insert.setString(11, verification);
                insert.setLong(12, generation.latency().toMillis());
                insert.setString(13, generation.source().code());
                insert.setString(14, generation.fallbackReason());
                insert.executeUpdate();
            }
            return new GenerationLogEntry(id, at, asStored(generation));
        } catch (SQLException | RuntimeException e) {
            throw failure("The generation log is unavailable: the " + generation.source().code() + " generation of "
                    + generation.task() + " was NOT saved", e);
        }
    }

    /**
     * The newest generations, newest first.
     *
     * @param max how many at most (1 or more; more than {@value #RECENT_MAX} is reduced to that)
     * @throws GenerationLogException if the log cannot be read
     */
    public List<GenerationLogEntry> recent(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1 (was " + max + ")");
        }
        try (Connection c = dataSource().getConnection();
             PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM summary_generation"
                     + " ORDER BY created_at DESC, id DESC")) {
            q.setMaxRows(Math.min(max, RECENT_MAX));
            List<GenerationLogEntry> rows = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(entry(rs));
                }
            }
            return rows;
        } catch (SQLException | ParseException | RuntimeException e) {
            throw failure("The generation log is unavailable: could not read recent generations", e);
        }
    }

    private static GenerationLogEntry entry(ResultSet rs) throws SQLException, ParseException {
        String refs = rs.getString(7);
        List<String> verification = new ArrayList<>();
        for (Object reason : JSONArrayUtils.parse(rs.getString(11))) {
            verification.add((String) reason);
        }
        GenerationRecord record = new GenerationRecord(rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), refs.isEmpty() ? List.of() : Arrays.asList(refs.split(",")),
                statements(rs.getString(8)), rs.getInt(9), rs.getInt(10), verification,
                Duration.ofMillis(rs.getLong(12)), GenerationRecord.Source.ofCode(rs.getString(13)), rs.getString(14));
        return new GenerationLogEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), record);
    }

    /** The record as {@link #recent} will read it back: the latency in whole milliseconds. */
    private static GenerationRecord asStored(GenerationRecord g) {
        return new GenerationRecord(g.subjectKey(), g.task(), g.promptVersion(), g.modelId(), g.inputRefs(),
                g.output(), g.keptCount(), g.droppedCount(), g.verification(),
                Duration.ofMillis(g.latency().toMillis()), g.source(), g.fallbackReason());
    }

    /** {@code [{"text": "...", "citations": ["Type/id", ...]}, ...]} */
    static String statementsJson(List<CitedStatement> statements) {
        JSONArray array = new JSONArray();
        for (CitedStatement s : statements) {
            JSONObject o = new JSONObject();
            o.put("text", s.text());
            JSONArray citations = new JSONArray();
            citations.addAll(s.citations());
            o.put("citations", citations);
            array.add(o);
        }
        return array.toJSONString(ModelSummarizerPrompt.PLAIN_JSON);
    }

    private static List<CitedStatement> statements(String json) throws ParseException {
        List<CitedStatement> statements = new ArrayList<>();
        for (Object item : JSONArrayUtils.parse(json)) {
            JSONObject o = (JSONObject) item;
            List<String> citations = new ArrayList<>();
            for (Object c : (List<?>) o.get("citations")) {
                citations.add((String) c);
            }
            statements.add(new CitedStatement((String) o.get("text"), citations));
        }
        return statements;
    }

    private long nextId(Connection c) throws SQLException {
        return ids.next(c);
    }

    private DataSource dataSource() {
        if (dataSource == null) {
            throw new IllegalStateException("Data source jdbc/chartlens was not injected");
        }
        return dataSource;
    }

    private static String bounded(String column, String value) {
        if (value.length() > MAX_TEXT_COLUMN) {
            throw new IllegalArgumentException(column + " would be " + value.length() + " characters, more than "
                    + MAX_TEXT_COLUMN);
        }
        return value;
    }

    /** The cause chain as exception types plus SQL states and vendor codes; no messages (they can quote values). */
    private static GenerationLogException failure(String what, Exception e) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = e; t != null && parts.size() < 6; t = t.getCause() == t ? null : t.getCause()) {
            String part = t.getClass().getSimpleName();
            if (t instanceof SQLException sql) {
                part += "[SQLState " + sql.getSQLState() + ", code " + sql.getErrorCode() + "]";
            }
            parts.add(part);
        }
        return new GenerationLogException(what + " (" + String.join(" <- ", parts) + ")", e);
    }
}
