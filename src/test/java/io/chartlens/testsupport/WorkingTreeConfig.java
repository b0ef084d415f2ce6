package io.chartlens.testsupport;

import io.chartlens.system.ConfigFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The committed {@code smart-config/} of the working tree as {@link ConfigFiles}, for tests that run without the
 * server ({@code -Dchartlens.test.config-dir=…} points them at another copy).
 */
public final class WorkingTreeConfig extends ConfigFiles {

    public static final Path ROOT = Path.of(System.getProperty("chartlens.test.config-dir", "smart-config"));
    public static final WorkingTreeConfig INSTANCE = new WorkingTreeConfig();

    private WorkingTreeConfig() {
    }

    @Override
    public String read(String relativePath) {
        try {
            return Files.readString(ROOT.resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> list(String folder, String suffix) {
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
