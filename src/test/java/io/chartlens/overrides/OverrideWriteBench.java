package io.chartlens.overrides;

import io.chartlens.testsupport.Cleanups;
import io.chartlens.testsupport.MigratedDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Sustained override writes (a benchmark, not a test: it asserts nothing and prints figures to
 * {@code target/bench/override-writes.txt}): the production append path (lock the chain head, hash, insert, move
 * the head) on H2 (file) and PostgreSQL (127.0.0.1:5432), 8 writer threads, 5,000 writes after 500 of warm-up.
 * Every append serialises on the chain head, so throughput is bounded by one commit at a time. Connections come
 * from a small pool (as in Liberty), not one per write.
 */
class OverrideWriteBench {

    private static final int WARM = 500;
    private static final int WRITES = 5000;
    private static final int THREADS = 8;

    @Test
    void sustainedOverrideWrites() throws Exception {
        StringBuilder out = new StringBuilder("Override writes (FeedbackLog.append, " + THREADS + " threads, "
                + WRITES + " writes after " + WARM + " warm-up; each write = lock head + insert + update head + "
                + "commit)\n");
        out.append(String.format("%-11s %10s %8s %8s %8s %s%n", "database", "writes/s", "p50 ms", "p95 ms",
                "max ms", "chain"));
        Path dir = Files.createTempDirectory("override-bench");
        for (String kind : List.of("h2", "postgresql")) {
            Cleanups cleanups = new Cleanups();
            try {
                // pooled, as the server's data source is: opening a PostgreSQL connection per write costs ~40 ms
                DataSource ds = pooled(MigratedDatabases.create(kind, dir, "override_bench_", cleanups), THREADS,
                        cleanups);
                FeedbackLog log = new FeedbackLog(new FeedbackStore(new FeedbackRepository(ds,
                        FeedbackRepository.Transactions.LOCAL, Clock.systemUTC(), 1000)),
                        PatientPseudonyms.fromConfig(Optional.of(Fixtures.TEST_KEY_HEX), false));
                run(log, WARM);
                long start = System.nanoTime();
                List<Double> latencies = run(log, WRITES);
                double seconds = (System.nanoTime() - start) / 1e9;
                out.append(String.format("%-11s %10.0f %8.2f %8.2f %8.2f %s%n", kind, WRITES / seconds,
                        pct(latencies, 50), pct(latencies, 95), Collections.max(latencies),
                        log.verify().ok() ? "verifies" : "BROKEN"));
            } catch (org.opentest4j.TestAbortedException e) {
                out.append(String.format("%-11s not measured: %s%n", kind, e.getMessage()));
            } finally {
                cleanups.closeAll();
            }
        }
        System.out.println(out);
        Path file = Path.of("target", "bench", "override-writes.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
    }

    private static List<Double> run(FeedbackLog log, int n) throws InterruptedException {
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    long s = System.nanoTime();
                    log.append(Fixtures.withStrata(Fixtures.entry("pat-" + (i % 50), "lace",
                            FeedbackOutcome.OVERRIDDEN, "data-wrong")));
                    latencies.add((System.nanoTime() - s) / 1e6);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        return new ArrayList<>(latencies);
    }

    /** A fixed pool of {@code size} connections; close() hands a connection back. */
    private static DataSource pooled(DataSource target, int size, Cleanups cleanups) throws Exception {
        java.util.concurrent.BlockingQueue<java.sql.Connection> idle = new java.util.concurrent.LinkedBlockingQueue<>();
        List<java.sql.Connection> all = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            java.sql.Connection c = target.getConnection();
            all.add(c);
            idle.add(c);
        }
        cleanups.add(() -> {
            for (java.sql.Connection c : all) {
                c.close();
            }
        });
        return (DataSource) java.lang.reflect.Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        return method.invoke(target, args);
                    }
                    java.sql.Connection c = idle.take();
                    return java.lang.reflect.Proxy.newProxyInstance(java.sql.Connection.class.getClassLoader(),
                            new Class<?>[] {java.sql.Connection.class}, (p, m, a) -> {
                                if (m.getName().equals("close")) {
                                    idle.add(c);
                                    return null;
                                }
                                try {
                                    return m.invoke(c, a);
                                } catch (java.lang.reflect.InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                });
    }

    private static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
