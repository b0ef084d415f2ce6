package io.chartlens.review;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Records the cards shown without ever holding up, or failing, the page or hook call that showed them. Impressions
 * are statistics: {@link #record} only puts them on a bounded queue and returns; one writer task at a time, on the
 * container's managed executor, drains the queue in batches of up to {@value #BATCH} into {@link ImpressionStore}.
 *
 * <p>When the queue is full (the database is slower than the pages) the newest impressions are dropped; when the
 * database refuses a batch, the batch is dropped. Either way the loss is counted and logged as a WARNING at most
 * once a minute, with counts and exception types only (no PHI), and the "shown" counts of the review pages are then
 * low. Decisions are different: they go through the feedback log, which never drops one silently.
 */
@ApplicationScoped
public class ImpressionRecorder {

    static final int CAPACITY = 10_000;
    static final int BATCH = 500;
    private static final long WARN_EVERY_NANOS = 60_000_000_000L;
    private static final Logger LOG = Logger.getLogger(ImpressionRecorder.class.getName());

    @Resource(lookup = "jdbc/chartlens")
    DataSource dataSource;
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService managedExecutor;

    private final BlockingQueue<CardImpression> queue;
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong lastWarned = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
    private volatile ImpressionStore store;
    private volatile Executor executor;

    /** For CDI. */
    public ImpressionRecorder() {
        this.queue = new ArrayBlockingQueue<>(CAPACITY);
    }

    /** For tests and tools: a store, an executor (e.g. one the test runs by hand), and a queue of {@code capacity}. */
    public ImpressionRecorder(ImpressionStore store, Executor executor, int capacity) {
        this.store = Objects.requireNonNull(store, "store");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Queues the impressions for writing and returns at once. Never blocks and never throws. */
    public void record(List<CardImpression> impressions) {
        try {
            int dropped = 0;
            for (CardImpression impression : impressions) {
                if (!queue.offer(impression)) {
                    dropped++;
                }
            }
            if (dropped > 0) {
                lose(dropped, "the queue is full (" + queue.size() + " waiting)");
            }
            schedule();
        } catch (RuntimeException e) {
            lose(impressions.size(), io.chartlens.system.CauseChain.describe(e));
        }
    }

    /** How many impressions were lost (queue full, writer not started, batch refused) since start. */
    public long lost() {
        return lost.get();
    }

    /** Starts the writer unless it runs already (or there is nothing to write). */
    private void schedule() {
        if (queue.isEmpty() || !writing.compareAndSet(false, true)) {
            return;
        }
        try {
            executor().execute(this::drain);
        } catch (RejectedExecutionException | IllegalStateException e) {
            // the queue keeps them; the next record() tries again
            writing.set(false);
            warn("Card impressions wait: the writer could not be started ("
                    + io.chartlens.system.CauseChain.describe(e) + "); " + queue.size() + " queued");
        }
    }

    /** The writer: drains the queue a batch at a time until it is empty. */
    private void drain() {
        try {
            List<CardImpression> batch = new ArrayList<>(BATCH);
            while (queue.drainTo(batch, BATCH) > 0) {
                write(batch);
                batch.clear();
            }
        } finally {
            writing.set(false);
        }
        // anything queued between the last drainTo and the flag's reset
        schedule();
    }

    private void write(List<CardImpression> batch) {
        try {
            store().insertIfAbsent(batch);
        } catch (SQLException | RuntimeException e) {
            lose(batch.size(), "the database refused them: " + io.chartlens.system.CauseChain.describe(e));
        }
    }

    private void lose(int count, String why) {
        long total = lost.addAndGet(count);
        warn(count + " card impression(s) not recorded because " + why + "; " + total + " lost since start. Pages "
                + "are unaffected; the review's 'shown' counts will be low.");
    }

    private void warn(String line) {
        long now = System.nanoTime();
        long last = lastWarned.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarned.compareAndSet(last, now)) {
            LOG.warning(line);
        }
    }

    private ImpressionStore store() {
        ImpressionStore s = store;
        if (s == null) {
            if (dataSource == null) {
                throw new IllegalStateException("Data source jdbc/chartlens was not injected");
            }
            s = new ImpressionStore(dataSource);
            store = s;
        }
        return s;
    }

    private Executor executor() {
        Executor e = executor;
        if (e == null) {
            if (managedExecutor == null) {
                throw new IllegalStateException("DefaultManagedExecutorService was not injected");
            }
            e = managedExecutor;
            executor = e;
        }
        return e;
    }

    @PreDestroy
    void stop() {
        int left = queue.size();
        if (left > 0) {
            LOG.info(left + " card impression(s) still queued at shutdown are not recorded");
        }
    }
}
