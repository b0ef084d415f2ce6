package io.chartlens.fhir;

import java.time.Duration;

/**
 * The point in time by which a load must be finished, on the monotonic clock ({@link System#nanoTime()}), so a
 * wall-clock change cannot stretch or cut a load.
 */
record Deadline(long atNanos, Duration limit) {

    static Deadline after(Duration limit) {
        return new Deadline(System.nanoTime() + limit.toNanos(), limit);
    }

    long remainingNanos() {
        return Math.max(0, atNanos - System.nanoTime());
    }

    boolean passed() {
        return remainingNanos() == 0;
    }

    /** Plain words for a section that did not finish: "not loaded within 20 s". */
    String notLoadedReason() {
        long millis = limit.toMillis();
        String amount = millis % 1000 == 0 ? String.valueOf(millis / 1000)
                : String.valueOf(Math.round(millis / 100.0) / 10.0);
        return "not loaded within " + amount + " s";
    }
}
