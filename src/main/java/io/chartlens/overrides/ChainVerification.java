package io.chartlens.overrides;

/**
 * The result of {@link FeedbackLog#verify()}.
 *
 * @param rowsChecked   how many rows were read and checked (up to and including the first broken one)
 * @param ok            true if every row links to the one before, every hash matches its row, and the chain head
 *                      (last hash and row count) matches the rows
 * @param firstBrokenId the id of the first row found broken, or null if {@code ok} or if the problem is not one
 *                      row (e.g. rows missing at the end)
 * @param reason        what is wrong (no PHI), or null if {@code ok}
 */
public record ChainVerification(long rowsChecked, boolean ok, Long firstBrokenId, String reason) {

    static ChainVerification intact(long rowsChecked) {
        return new ChainVerification(rowsChecked, true, null, null);
    }

    static ChainVerification broken(long rowsChecked, Long firstBrokenId, String reason) {
        return new ChainVerification(rowsChecked, false, firstBrokenId, reason);
    }
}
