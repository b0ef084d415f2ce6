package io.chartlens.system.audit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads, from a test JVM, the audit rows that a running Liberty server wrote to its H2 file database.
 *
 * <p>This works because {@code liberty/db/h2.xml} opens the file with {@code AUTO_SERVER=TRUE}: the server's JVM
 * owns the file, and a second JVM that opens it with the same option is routed through the server's automatic
 * TCP port. {@code IFEXISTS=TRUE} makes a wrong path fail loudly instead of creating an empty database that would
 * report zero rows. Open it only while the server runs (after deployment) and close it after each check (every
 * method here does), so the test JVM never becomes the file's owner.
 *
 * <p>The database folder is {@code liberty.var.chartlens.db.dir} = {@code ${build.dir}/chartlens-db} (pom.xml),
 * the same for {@code defaultServer} and the integration-test server {@code chartlensIT}; the failsafe plugin
 * passes {@code build.dir} to the tests as the system property {@code it.build.dir}. H2 only: with
 * {@code DB_KIND=postgresql} query PostgreSQL instead.
 */
public final class ServerAuditRows {

    /** One audit row, without the PHI-free fields a test rarely needs. */
    public record Row(long id, String actor, String ehr, String patientId, String encounterId, String action,
                      String resourceTypes, String outcome, String detail) {
    }

    private ServerAuditRows() {
    }

    /** The folder of the integration-test server's H2 database. */
    public static Path itDatabaseDir() {
        return Path.of(System.getProperty("it.build.dir", "target"), "chartlens-db").toAbsolutePath();
    }

    /** The JDBC URL of the H2 database in {@code dbDir} (file name {@code chartlens}, as in liberty/db/h2.xml). */
    public static String url(Path dbDir) {
        return "jdbc:h2:file:" + dbDir.toAbsolutePath().resolve("chartlens") + ";AUTO_SERVER=TRUE;IFEXISTS=TRUE";
    }

    /** How many audit rows the integration-test server holds for the patient. */
    public static long count(String patientId) throws SQLException {
        return count(itDatabaseDir(), patientId);
    }

    /** The integration-test server's newest rows for the patient, newest first. */
    public static List<Row> recent(String patientId, int max) throws SQLException {
        return recent(itDatabaseDir(), patientId, max);
    }

    public static long count(Path dbDir, String patientId) throws SQLException {
        try (Connection c = connect(dbDir);
             PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM audit_event WHERE patient_id = ?")) {
            q.setString(1, patientId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public static List<Row> recent(Path dbDir, String patientId, int max) throws SQLException {
        try (Connection c = connect(dbDir);
             PreparedStatement q = c.prepareStatement("SELECT id, actor, ehr, patient_id, encounter_id, action,"
                     + " resource_types, outcome, detail FROM audit_event WHERE patient_id = ?"
                     + " ORDER BY occurred_at DESC, id DESC FETCH FIRST ? ROWS ONLY")) {
            q.setString(1, patientId);
            q.setInt(2, max);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
                }
            }
            return rows;
        }
    }

    private static Connection connect(Path dbDir) throws SQLException {
        // the user the server created the database with (liberty/db/h2.xml)
        return DriverManager.getConnection(url(dbDir), "chartlens", "");
    }
}
