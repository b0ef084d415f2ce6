package io.chartlens.aisummary;

import java.time.Instant;
import java.util.Objects;

/**
 * A row of the {@link GenerationLog}: the generation as recorded, with its id and time.
 *
 * @param id        from {@code summary_generation_seq}
 * @param createdAt when it was recorded (UTC, microseconds)
 * @param record    what was recorded; the latency as whole milliseconds, and a statement's text stripped
 */
public record GenerationLogEntry(long id, Instant createdAt, GenerationRecord record) {

    public GenerationLogEntry {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(record, "record");
    }
}
