package io.chartlens.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Writes {@link CardImpression}s to {@code card_impression} (migration V7), each only if its key is not stored yet,
 * so a card shown again in the same launch stays one row. PostgreSQL: {@code INSERT ... ON CONFLICT DO NOTHING},
 * safe when several servers write the same key at once. H2 has no such clause outside its PostgreSQL mode, so it
 * gets the standard {@code MERGE ... WHEN NOT MATCHED THEN INSERT}; H2 is a single-server development database.
 *
 * <p>One batch per call on one connection, in the connection's own commit mode (auto-commit from a pool). Each
 * statement may run for at most {@value #QUERY_TIMEOUT_SECONDS} s: a stuck database must not hold the writer.
 */
public final class ImpressionStore {

    static final int QUERY_TIMEOUT_SECONDS = 10;

    private static final String COLUMNS = "impression_key, shown_on, source, card_type, rule_id, rule_version, ehr,"
            + " actor_role, patient_age_band, patient_sex, patient_race, patient_ethnicity";
    private static final String VALUES = "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String POSTGRESQL = "INSERT INTO card_impression (" + COLUMNS + ") " + VALUES
            + " ON CONFLICT (impression_key) DO NOTHING";
    private static final String STANDARD = "MERGE INTO card_impression t USING (SELECT CAST(? AS CHAR(64)) AS k) s"
            + " ON t.impression_key = s.k WHEN NOT MATCHED THEN INSERT (" + COLUMNS + ") " + VALUES;

    private final DataSource dataSource;

    public ImpressionStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Stores those not stored yet.
     *
     * @return how many were new (a repeat, within the list or of an earlier row, is not)
     * @throws SQLException if the batch could not be written; then any part of it may or may not be stored
     */
    public int insertIfAbsent(List<CardImpression> impressions) throws SQLException {
        if (impressions.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection()) {
            boolean postgresql = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                    .contains("postgresql");
            try (PreparedStatement insert = c.prepareStatement(postgresql ? POSTGRESQL : STANDARD)) {
                insert.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
                for (CardImpression i : impressions) {
                    int p = 1;
                    if (!postgresql) {
                        insert.setString(p++, i.key());
                    }
                    insert.setString(p++, i.key());
                    insert.setObject(p++, i.shownOn());
                    insert.setString(p++, i.source().name());
                    insert.setString(p++, i.cardType().name());
                    insert.setString(p++, i.ruleId());
                    insert.setString(p++, i.ruleVersion());
                    insert.setString(p++, i.ehr());
                    insert.setString(p++, i.role());
                    insert.setString(p++, i.strata().ageBand());
                    insert.setString(p++, i.strata().sex());
                    insert.setString(p++, i.strata().race());
                    insert.setString(p, i.strata().ethnicity());
                    insert.addBatch();
                }
                int added = 0;
                for (int n : insert.executeBatch()) {
                    added += Math.max(n, 0);
                }
                return added;
            }
        }
    }
}
