package io.chartlens.system.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chartlens.system.Migrations;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IT helper, against a database that another connection (standing in for the server) holds open. */
class ServerAuditRowsTest {

    @TempDir
    Path dir;

    @Test
    void readsRowsWhileTheOwnerKeepsTheDatabaseOpen() throws SQLException {
        JdbcDataSource server = new JdbcDataSource();
        server.setURL("jdbc:h2:file:" + dir.resolve("chartlens") + ";DB_CLOSE_DELAY=-1;AUTO_SERVER=TRUE");
        server.setUser("chartlens");
        server.setPassword("");
        Migrations.migrate(server, Migrations.class.getClassLoader(), "");
        try (Connection owner = server.getConnection(); Statement s = owner.createStatement()) {
            s.execute("INSERT INTO audit_event (id, occurred_at, actor, ehr, patient_id, action, resource_types,"
                    + " outcome) VALUES (1, CURRENT_TIMESTAMP, 'Practitioner/1', 'sandbox', 'p1', 'VIEW_SUMMARY',"
                    + " 'Patient', 'SUCCESS')");
            assertEquals(1, ServerAuditRows.count(dir, "p1"));
            assertEquals(0, ServerAuditRows.count(dir, "p2"));
            List<ServerAuditRows.Row> rows = ServerAuditRows.recent(dir, "p1", 5);
            assertEquals(new ServerAuditRows.Row(1, "Practitioner/1", "sandbox", "p1", null, "VIEW_SUMMARY",
                    "Patient", "SUCCESS", null), rows.get(0));
            s.execute("SHUTDOWN");
        }
    }

    @Test
    void aWrongFolderFailsInsteadOfReportingZero() {
        assertThrows(SQLException.class, () -> ServerAuditRows.count(dir.resolve("nowhere"), "p1"));
    }
}
