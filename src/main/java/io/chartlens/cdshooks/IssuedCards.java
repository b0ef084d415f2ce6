package io.chartlens.cdshooks;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONArrayUtils;
import io.chartlens.overrides.CardType;
import io.chartlens.overrides.PatientStrata;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;

/**
 * The issued cards ({@code cds_issued_card}, migration V5), in plain JDBC like the generation log: each call's cards
 * are inserted in one batch on the container's data source. Failures become {@link Unavailable} with a PHI-free
 * message (exception types and SQL states, never database messages, which can quote values).
 */
@ApplicationScoped
public class IssuedCards {

    private static final String COLUMNS = "card_uuid, issued_at, hook_instance, client_iss, ehr, patient_id,"
            + " encounter_id, patient_age_band, patient_sex, patient_race, patient_ethnicity, card_type, rule_id,"
            + " rule_version, indicator, suggestions, shown";

    @Resource(lookup = "jdbc/chartlens")
    DataSource dataSource;

    /** For CDI. */
    public IssuedCards() {
    }

    /** For tests: a plain data source. */
    IssuedCards(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** @throws Unavailable if they were not all stored */
    public void record(List<IssuedCard> cards) {
        if (cards.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO cds_issued_card (" + COLUMNS
                     + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (IssuedCard card : cards) {
                insert.setString(1, card.uuid());
                insert.setObject(2, OffsetDateTime.ofInstant(card.issuedAt().truncatedTo(ChronoUnit.MICROS),
                        ZoneOffset.UTC));
                insert.setString(3, card.hookInstance());
                insert.setString(4, card.clientIss());
                insert.setString(5, card.ehr());
                insert.setString(6, card.patientId());
                insert.setString(7, card.encounterId());
                insert.setString(8, card.strata().ageBand());
                insert.setString(9, card.strata().sex());
                insert.setString(10, card.strata().race());
                insert.setString(11, card.strata().ethnicity());
                insert.setString(12, card.type().name());
                insert.setString(13, card.ruleId());
                insert.setString(14, card.ruleVersion());
                insert.setString(15, card.indicator().code());
                insert.setString(16, suggestionsJson(card.suggestions()));
                insert.setString(17, card.shown());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException | RuntimeException e) {
            throw new Unavailable("The issued cards were NOT stored (" + describe(e) + ")", e);
        }
    }

    /** @throws Unavailable if the table cannot be read */
    public Optional<IssuedCard> find(String uuid) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM cds_issued_card"
                     + " WHERE card_uuid = ?")) {
            q.setString(1, uuid);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new IssuedCard(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        new PatientStrata(rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)),
                        CardType.valueOf(rs.getString(12)), rs.getString(13), rs.getString(14),
                        Indicator.valueOf(rs.getString(15).toUpperCase(java.util.Locale.ROOT)),
                        suggestions(rs.getString(16)), rs.getString(17)));
            }
        } catch (SQLException | ParseException | RuntimeException e) {
            throw new Unavailable("The issued cards could not be read (" + describe(e) + ")", e);
        }
    }

    private static String suggestionsJson(List<IssuedCard.IssuedSuggestion> suggestions) {
        JSONArray array = new JSONArray();
        for (IssuedCard.IssuedSuggestion s : suggestions) {
            JSONObject o = new JSONObject();
            o.put("uuid", s.uuid());
            o.put("bundle", s.bundle());
            o.put("version", s.version());
            array.add(o);
        }
        return array.toJSONString();
    }

    private static List<IssuedCard.IssuedSuggestion> suggestions(String json) throws ParseException {
        List<IssuedCard.IssuedSuggestion> list = new ArrayList<>();
        for (JSONObject o : JSONArrayUtils.toJSONObjectList(JSONArrayUtils.parse(json))) {
            list.add(new IssuedCard.IssuedSuggestion((String) o.get("uuid"), (String) o.get("bundle"),
                    (String) o.get("version")));
        }
        return list;
    }

    private static String describe(Throwable failure) {
        return io.chartlens.system.CauseChain.describe(failure);
    }

    /** The issued-card table could not be written or read; the message carries no PHI. */
    public static final class Unavailable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
