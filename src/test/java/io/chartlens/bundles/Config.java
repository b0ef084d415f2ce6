package io.chartlens.bundles;

import io.chartlens.caregaps.MeasureContent;
import io.chartlens.record.Freshness;
import io.chartlens.risk.RiskScore;
import io.chartlens.risk.ScoreRegistry;
import io.chartlens.system.ConfigFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The committed {@code smart-config/} of the working tree, read as the app reads it, and what tests build from it. */
final class Config {

    static final Path ROOT = Path.of(System.getProperty("chartlens.test.config-dir", "smart-config"));
    private static BundleCatalog catalog;
    private static List<RiskScore> scores;
    private static MeasureContent measures;

    private Config() {
    }

    static String read(String path) {
        try {
            return Files.readString(ROOT.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> list(String folder, String suffix) {
        Path dir = ROOT.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> folder + "/" + p.getFileName())
                    .filter(p -> p.endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized BundleCatalog catalog() {
        if (catalog == null) {
            catalog = BundleCatalog.load(Config::read, Config::list);
        }
        return catalog;
    }

    static synchronized List<RiskScore> scores() {
        if (scores == null) {
            scores = List.copyOf(ScoreRegistry.load(new ConfigFiles() {
                @Override
                public String read(String relativePath) {
                    return Config.read(relativePath);
                }

                @Override
                public List<String> list(String folder, String suffix) {
                    return Config.list(folder, suffix);
                }
            }).values());
        }
        return scores;
    }

    static Freshness freshness() {
        return new Freshness(read("record/freshness.json"));
    }

    static synchronized MeasureContent measures() {
        if (measures == null) {
            measures = MeasureContent.load(Config::read, Config::list);
        }
        return measures;
    }
}
