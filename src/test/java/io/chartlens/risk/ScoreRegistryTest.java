package io.chartlens.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chartlens.system.ConfigFiles;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The registry pairs every committed definition with its calculator, in page order. */
class ScoreRegistryTest {

    /** The repository's smart-config/ as ConfigFiles sees it, without a container. */
    static Map<String, RiskScore> loadFromRepo() {
        ConfigFiles files = new ConfigFiles() {
            @Override
            public String read(String relativePath) {
                try {
                    return Files.readString(Path.of("smart-config").resolve(relativePath));
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public List<String> list(String folder, String suffix) {
                try (Stream<Path> s = Files.list(Path.of("smart-config").resolve(folder))) {
                    return s.map(p -> folder + "/" + p.getFileName()).filter(n -> n.endsWith(suffix)).sorted().toList();
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        return ScoreRegistry.load(files);
    }

    @Test
    void allNineScoresLoadInPageOrder() {
        assertEquals(List.of("news2", "qsofa", "curb65", "lace", "hospital", "cha2ds2vasc", "hasbled", "pce", "charlson"),
                List.copyOf(loadFromRepo().keySet()));
    }
}
