package io.chartlens.aisummary;

import java.util.Objects;

/**
 * A statement the {@link StatementVerifier} did not keep.
 *
 * @param statement the statement as written; never null
 * @param reason    why it was dropped; never null
 * @param detail    what failed, for example "7.4 is not in Observation/abc"; never null. May quote the statement's
 *                  numbers or citations, so it is shown to developers only and never logged.
 */
public record DroppedStatement(CitedStatement statement, DropReason reason, String detail) {

    public DroppedStatement {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
