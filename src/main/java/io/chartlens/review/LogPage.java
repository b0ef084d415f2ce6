package io.chartlens.review;

import java.util.List;

/**
 * One page of the log, newest first.
 *
 * @param rows       at most the page size
 * @param nextBefore the cursor of the next (older) page: pass it as {@code before}; null on the last page
 */
public record LogPage(List<LogRow> rows, Long nextBefore) {

    public LogPage {
        rows = List.copyOf(rows);
    }

    public boolean hasMore() {
        return nextBefore != null;
    }
}
