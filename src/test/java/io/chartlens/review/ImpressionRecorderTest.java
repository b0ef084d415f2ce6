package io.chartlens.review;

import static io.chartlens.review.ImpressionStoreTest.shown;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chartlens.testsupport.Cleanups;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Recording impressions stays off the request thread, bounded, and out of the page's way when the database fails. */
class ImpressionRecorderTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final Cleanups cleanups = new Cleanups();
    private DataSource ds;
    /** The writer tasks handed to the executor; the test runs them when it chooses. */
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private final Executor byHand = tasks::add;

    @BeforeEach
    void database() throws Exception {
        ds = ReviewFixtures.database("h2", dir, cleanups);
    }

    @Test
    void recordOnlyQueuesAndOneWriterTaskWritesLater() throws Exception {
        ImpressionRecorder recorder = new ImpressionRecorder(new ImpressionStore(ds), byHand, 100);
        recorder.record(List.of(shown("launch-A", "news2", "1.0.0"), shown("launch-A", "qsofa", "1.0.0")));
        recorder.record(List.of(shown("launch-A", "news2", "1.0.0")));
        assertEquals(0, rows(), "nothing is written on the caller's thread");
        assertEquals(1, tasks.size(), "one writer at a time");
        runTasks();
        assertEquals(2, rows(), "the re-render counted once");
        recorder.record(List.of(shown("launch-B", "news2", "1.0.0")));
        assertEquals(1, tasks.size(), "a new writer once the last one finished");
        runTasks();
        assertEquals(3, rows());
        assertEquals(0, recorder.lost());
    }

    @Test
    void aFullQueueDropsTheNewestAndCountsThem() throws Exception {
        ImpressionRecorder recorder = new ImpressionRecorder(new ImpressionStore(ds), byHand, 3);
        List<CardImpression> many = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            many.add(shown("launch-" + i, "news2", "1.0.0"));
        }
        assertDoesNotThrow(() -> recorder.record(many));
        assertEquals(2, recorder.lost());
        runTasks();
        assertEquals(3, rows());
    }

    @Test
    void aDatabaseThatRefusesLosesThatBatchOnlyAndNeverReachesTheCaller() throws Exception {
        AtomicBoolean down = new AtomicBoolean(true);
        DataSource flaky = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && down.get()) {
                        throw new SQLTransientConnectionException("connection refused", "08001");
                    }
                    return method.invoke(ds, args);
                });
        ImpressionRecorder recorder = new ImpressionRecorder(new ImpressionStore(flaky), byHand, 100);
        recorder.record(List.of(shown("launch-A", "news2", "1.0.0"), shown("launch-A", "qsofa", "1.0.0")));
        assertDoesNotThrow(this::runTasks);
        assertEquals(2, recorder.lost());
        assertEquals(0, rows());

        down.set(false);
        recorder.record(List.of(shown("launch-B", "news2", "1.0.0")));
        runTasks();
        assertEquals(1, rows(), "the next batch is written");
        assertEquals(2, recorder.lost());
    }

    @Test
    void anExecutorThatRefusesKeepsTheQueueForTheNextCall() throws Exception {
        AtomicBoolean refuse = new AtomicBoolean(true);
        Executor executor = task -> {
            if (refuse.get()) {
                throw new RejectedExecutionException("shutting down");
            }
            tasks.add(task);
        };
        ImpressionRecorder recorder = new ImpressionRecorder(new ImpressionStore(ds), executor, 100);
        assertDoesNotThrow(() -> recorder.record(List.of(shown("launch-A", "news2", "1.0.0"))));
        refuse.set(false);
        recorder.record(List.of(shown("launch-B", "news2", "1.0.0")));
        runTasks();
        assertEquals(2, rows(), "the first impression waited in the queue");
        assertEquals(0, recorder.lost());
    }

    @Test
    void writesInBatchesUntilTheQueueIsEmpty() throws Exception {
        ImpressionRecorder recorder = new ImpressionRecorder(new ImpressionStore(ds), byHand, 2000);
        List<CardImpression> many = new ArrayList<>();
        for (int i = 0; i < ImpressionRecorder.BATCH * 2 + 7; i++) {
            many.add(shown("launch-" + i, "news2", "1.0.0"));
        }
        recorder.record(many);
        runTasks();
        assertEquals(ImpressionRecorder.BATCH * 2 + 7, rows());
    }

    private void runTasks() {
        while (!tasks.isEmpty()) {
            tasks.poll().run();
        }
    }

    private long rows() throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM card_impression")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
