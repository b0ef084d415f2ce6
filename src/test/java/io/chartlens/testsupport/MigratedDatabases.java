package io.chartlens.testsupport;

import io.chartlens.system.Migrations;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Fresh databases with every Flyway migration applied, for the tests that run the app's SQL on H2 and PostgreSQL. */
public final class MigratedDatabases {

    private static final ClassLoader APP = Migrations.class.getClassLoader();

    private MigratedDatabases() {
    }

    /**
     * A fresh, migrated database of the given kind, removed by the cleanups the caller runs after the test.
     *
     * @param kind         {@code h2} (an on-disk file in {@code dir}, the options of liberty/db/h2.xml) or
     *                     {@code postgresql} (a throwaway schema at 127.0.0.1:5432; fails, not skips, with CI=true)
     * @param schemaPrefix the PostgreSQL schema name's prefix, naming the test
     * @param cleanups     where to add what removes the database
     */
    public static DataSource create(String kind, Path dir, String schemaPrefix, Cleanups cleanups)
            throws SQLException {
        if (kind.equals("h2")) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:file:" + dir.resolve("chartlens-" + UUID.randomUUID())
                    + ";DB_CLOSE_DELAY=-1;AUTO_SERVER=TRUE");
            ds.setUser("chartlens");
            ds.setPassword("");
            cleanups.add(() -> sql(ds, "SHUTDOWN"));
            Migrations.migrate(ds, APP, "");
            return ds;
        }
        String schema = schemaPrefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Connection admin = Postgres.connectOrSkip();
        cleanups.add(admin);
        try (Statement s = admin.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        cleanups.add(() -> {
            try (Statement s = admin.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        });
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(Postgres.URL);
        ds.setUser(Postgres.USER);
        ds.setPassword(Postgres.PASSWORD);
        ds.setCurrentSchema(schema);
        Migrations.migrate(ds, APP, "", schema);
        return ds;
    }

    /**
     * A PostgreSQL schema migrated by its owner for an app role, as in production ({@code chartlens.db.app-role}).
     *
     * @param owner  the schema owner's data source
     * @param app    a data source for the new login role, granted only what the repeatable grants give it
     * @param role   the role's name
     * @param schema the schema's name
     */
    public record AppRoleDatabase(DataSource owner, DataSource app, String role, String schema) {
    }

    /** A fresh {@link AppRoleDatabase}; the role and the schema are removed by the cleanups. */
    public static AppRoleDatabase postgresqlWithAppRole(Path dir, String schemaPrefix, Cleanups cleanups)
            throws SQLException {
        String role = "chartlens_app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Connection admin = Postgres.connectOrSkip();
        cleanups.add(admin);
        try (Statement s = admin.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN");
        }
        cleanups.add(() -> {
            try (Statement s = admin.createStatement()) {
                s.execute("DROP OWNED BY " + role);
                s.execute("DROP ROLE " + role);
            }
        });
        DataSource owner = create("postgresql", dir, schemaPrefix, cleanups);
        String schema;
        try (Connection c = owner.getConnection()) {
            schema = c.getSchema();
        }
        Migrations.migrate(owner, APP, role, schema);
        PGSimpleDataSource app = new PGSimpleDataSource();
        app.setURL(Postgres.URL);
        app.setUser(role);
        app.setCurrentSchema(schema);
        return new AppRoleDatabase(owner, app, role, schema);
    }

    /** Runs one SQL statement. */
    public static void sql(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
