package io.chartlens.caregaps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The committed measure content, read from {@code smart-config/} in the working tree, and one shared evaluator. */
final class MeasureFixtures {

    static final Path ROOT = Path.of(System.getProperty("chartlens.test.config-dir", "smart-config"));
    private static MeasureContent content;
    private static CareGapEvaluator evaluator;

    private MeasureFixtures() {
    }

    static synchronized MeasureContent content() {
        if (content == null) {
            content = MeasureContent.load(MeasureFixtures::read, MeasureFixtures::list);
        }
        return content;
    }

    static synchronized CareGapEvaluator evaluator() {
        if (evaluator == null) {
            evaluator = CareGapEvaluator.onCqfEngine(content(), 60);
        }
        return evaluator;
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
}
