package io.chartlens.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The shipped {@code smart-config/record/observations.json}, read from the test classpath. */
final class TestCatalog {

    static final ObservationCatalog CATALOG = new ObservationCatalog(text());

    private TestCatalog() {
    }

    static String text() {
        try (InputStream in = TestCatalog.class.getClassLoader()
                .getResourceAsStream("smart-config/" + ObservationCatalog.PATH)) {
            if (in == null) {
                throw new IllegalStateException("smart-config/" + ObservationCatalog.PATH + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObservationKind kind(String id) {
        return CATALOG.byKind(id).orElseThrow();
    }
}
