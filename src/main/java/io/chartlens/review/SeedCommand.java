package io.chartlens.review;

import io.chartlens.system.Migrations;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The command line of {@link SyntheticOverrideHistory}: migrates the database (Flyway, as the server does), reads
 * the catalogs from the working tree's {@code smart-config/}, seeds, verifies the chain, and prints a summary.
 *
 * <pre>
 *   --jdbc-url URL         default: the sandbox's H2 file, jdbc:h2:file:target/chartlens-db/chartlens (absolute),
 *                          with ;DB_CLOSE_DELAY=-1;AUTO_SERVER=TRUE as liberty/db/h2.xml
 *   --user NAME            default chartlens          --password TEXT   default empty
 *   --rows N               default 5000               --days N          default 182 (ending now)
 *   --seed N               default 20260309           --config-dir DIR  default smart-config
 *   --pseudonym-key KEY    default: environment CHARTLENS_PSEUDONYM_KEY, else the sandbox development key
 * </pre>
 */
final class SeedCommand {

    private static final Set<String> OPTIONS = Set.of("--jdbc-url", "--user", "--password", "--rows", "--days",
            "--seed", "--config-dir", "--pseudonym-key");

    private SeedCommand() {
    }

    static void run(String[] args, PrintStream out) throws Exception {
        Map<String, String> o = options(args);
        String url = o.getOrDefault("--jdbc-url", "jdbc:h2:file:" + Path.of("target/chartlens-db/chartlens")
                .toAbsolutePath() + ";DB_CLOSE_DELAY=-1;AUTO_SERVER=TRUE");
        Path config = Path.of(o.getOrDefault("--config-dir", "smart-config"));
        int rows = Integer.parseInt(o.getOrDefault("--rows", String.valueOf(SyntheticOverrideHistory.DEFAULT_ROWS)));
        int days = Integer.parseInt(o.getOrDefault("--days", String.valueOf(SyntheticOverrideHistory.DEFAULT_DAYS)));
        long seed = Long.parseLong(o.getOrDefault("--seed", String.valueOf(SyntheticOverrideHistory.DEFAULT_SEED)));
        Optional<String> key = Optional.ofNullable(o.get("--pseudonym-key"))
                .or(() -> Optional.ofNullable(System.getenv("CHARTLENS_PSEUDONYM_KEY")))
                .filter(k -> !k.isBlank());

        DataSource ds = SeedConnections.driverManager(url, o.getOrDefault("--user", "chartlens"),
                o.getOrDefault("--password", ""));
        Migrations.Outcome migrated = Migrations.migrate(ds, SeedCommand.class.getClassLoader(), "");
        out.println("Database schema at version " + migrated.schemaVersion() + " (" + migrated.databaseType() + ")");
        SeedCatalog catalog = SeedCatalog.load(path -> read(config, path), (folder, suffix) -> list(config, folder,
                suffix));
        SyntheticOverrideHistory.Result result = new SyntheticOverrideHistory(catalog, seed)
                .seed(ds, key, true, rows, Instant.now(), days);
        out.println("Seeded " + result.rows() + " synthetic feedback rows (" + catalog.rules().size() + " rules, seed "
                + seed + ") from " + result.first() + " to " + result.last() + " into " + url.split(";")[0]);
        out.println("Seeded " + result.shown() + " synthetic cards shown behind them");
        if (!result.verification().ok()) {
            throw new IllegalStateException("The feedback chain does not verify after seeding: "
                    + result.verification().reason());
        }
        out.println("Feedback chain verified: " + result.verification().rowsChecked() + " rows intact");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!OPTIONS.contains(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("Unknown option or missing value: " + args[i] + "; options are "
                        + OPTIONS + " (see io.chartlens.review.SeedCommand)");
            }
            o.put(args[i], args[++i]);
        }
        return o;
    }

    private static String read(Path root, String relative) {
        try {
            return Files.readString(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + root.resolve(relative), e);
        }
    }

    private static List<String> list(Path root, String folder, String suffix) {
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> folder + "/" + p.getFileName())
                    .filter(p -> p.endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }
}
