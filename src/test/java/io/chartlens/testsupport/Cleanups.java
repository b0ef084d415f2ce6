package io.chartlens.testsupport;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a test created and must remove (databases, schemas, roles, connections), closed last to first after each
 * test. Register it as a field: {@code @RegisterExtension final Cleanups cleanups = new Cleanups();}, or close it
 * yourself outside JUnit ({@link #closeAll()}).
 */
public final class Cleanups implements AfterEachCallback {

    private final List<AutoCloseable> pending = new ArrayList<>();

    public void add(AutoCloseable cleanup) {
        pending.add(cleanup);
    }

    /** Closes everything added, last first, and forgets it. */
    public void closeAll() throws Exception {
        try {
            for (int i = pending.size() - 1; i >= 0; i--) {
                pending.get(i).close();
            }
        } finally {
            pending.clear();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        closeAll();
    }
}
