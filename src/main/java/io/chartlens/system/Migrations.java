package io.chartlens.system;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date when the application starts, before anything uses JPA.
 *
 * <p>Flyway owns the schema (persistence.xml generates nothing), so a missing or failed migration must stop the
 * deployment: an app that started without its audit table would either fail every page or, worse, show data
 * unaudited. The observer runs at {@code PLATFORM_BEFORE} priority so other start-up observers see a migrated
 * database, and it takes the data source directly ({@code @Resource}), not through JPA, so no
 * EntityManager touches the tables before they exist.
 *
 * <p>Inside Liberty Flyway finds no migrations unless it is given the application's class loader and the
 * {@code db/migration/flyway.location} marker file exists; {@code failOnMissingLocations} turns a repeat of
 * that problem into a start failure instead of a warning.
 */
@ApplicationScoped
public class Migrations {

    /** Where the versioned SQL lives, in the war's classes. */
    public static final String LOCATION = "classpath:db/migration";
    /** Migrations for PostgreSQL only (triggers and grants H2 has no equivalent for), interleaved by version. */
    public static final String POSTGRESQL_LOCATION = "classpath:db/migration-postgresql";
    /**
     * The PostgreSQL role the application connects as when it differs from the schema owner; it gets read and
     * append rights on the feedback log and no UPDATE or DELETE. Empty: the app connects as the owner.
     */
    public static final String APP_ROLE_PROPERTY = "chartlens.db.app-role";

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    @Resource(lookup = "jdbc/chartlens")
    DataSource dataSource;

    void migrateAtStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE)
                        @Initialized(ApplicationScoped.class) Object ignored) {
        if (dataSource == null) {
            throw new IllegalStateException("Data source jdbc/chartlens was not injected; check the <dataSource> "
                    + "in liberty/db/*.xml and that chartlens.db.kind names an existing file");
        }
        try {
            String appRole = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getOptionalValue(APP_ROLE_PROPERTY, String.class).orElse("");
            Outcome outcome = migrate(dataSource, Migrations.class.getClassLoader(), appRole);
            LOG.info(() -> "Database schema is at version " + outcome.schemaVersion() + " ("
                    + outcome.applied() + " migration(s) applied now, " + outcome.databaseType() + ")");
        } catch (FlywayException e) {
            throw new IllegalStateException("Database migration failed, so ChartLens will not start: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The one Flyway configuration used at start-up and by the tests, so they exercise the same settings.
     *
     * @param dataSource  where to migrate
     * @param classLoader the class loader that sees {@code db/migration} (inside Liberty: the application's)
     * @param appRole     see {@link #APP_ROLE_PROPERTY}; empty for none (PostgreSQL only)
     * @param schemas     optional schemas to manage (tests use a throwaway PostgreSQL schema); none = the
     *                    connection's default schema
     */
    public static Flyway flyway(DataSource dataSource, ClassLoader classLoader, String appRole, String... schemas) {
        if (!appRole.isEmpty() && !appRole.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new FlywayException(APP_ROLE_PROPERTY + " must be a plain lower-case PostgreSQL role name");
        }
        String[] locations = isPostgreSql(dataSource) ? new String[] {LOCATION, POSTGRESQL_LOCATION}
                : new String[] {LOCATION};
        var config = Flyway.configure(classLoader)
                .dataSource(dataSource)
                .locations(locations)
                .placeholders(java.util.Map.of("appRole", appRole))
                .failOnMissingLocations(true)
                // Liberty's session store (sessionDatabase) may create its table before the app migrates a new
                // database. Baseline 0 applies every migration from V1; a database that already holds ChartLens
                // tables without a history still fails loudly at V1.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("empty of ChartLens tables")
                .validateMigrationNaming(true)
                .cleanDisabled(true);
        if (schemas.length > 0) {
            config = config.schemas(schemas);
        }
        return config.load();
    }

    /**
     * Applies pending migrations and fails if, afterwards, no schema version exists: that would mean Flyway
     * looked in the wrong place, which it reports only as a warning.
     *
     * @throws FlywayException if a migration fails, a checksum no longer matches, or no migration was found
     */
    public static Outcome migrate(DataSource dataSource, ClassLoader classLoader, String appRole,
                                  String... schemas) {
        Flyway flyway = flyway(dataSource, classLoader, appRole, schemas);
        MigrateResult result = flyway.migrate();
        MigrationInfo current = flyway.info().current();
        if (current == null || current.getVersion() == null) {
            throw new FlywayException("No migration found in " + LOCATION + " (class loader " + classLoader
                    + "); is db/migration/flyway.location in the war?");
        }
        return new Outcome(current.getVersion().getVersion(), result.migrationsExecuted, result.databaseType);
    }

    private static boolean isPostgreSql(DataSource dataSource) {
        try (java.sql.Connection c = dataSource.getConnection()) {
            return "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
        } catch (java.sql.SQLException e) {
            throw new FlywayException("Could not connect to the database to migrate it: SQLState "
                    + e.getSQLState(), e);
        }
    }

    /**
     * What a migration run did.
     *
     * @param schemaVersion the schema's version afterwards, e.g. "1"
     * @param applied       how many migrations this run applied (0 when the schema was already current)
     * @param databaseType  Flyway's name for the database, e.g. "H2" or "PostgreSQL"
     */
    public record Outcome(String schemaVersion, int applied, String databaseType) {
    }
}
