package io.chartlens.bundles;

import java.util.List;

/**
 * What writing the selected items did, per item. The selection is always kept, so a failed write can be shown again
 * with the same items checked.
 *
 * @param selectedItemIds the selection as submitted
 * @param outcomes        one per selected item, in the selection's order
 */
public record DraftOrderResult(List<String> selectedItemIds, List<ItemOutcome> outcomes) {

    public DraftOrderResult {
        selectedItemIds = List.copyOf(selectedItemIds);
        outcomes = List.copyOf(outcomes);
    }

    /** What happened to one item. */
    public enum Outcome {
        /** a new draft order was written */
        CREATED,
        /** the EHR already had it: an earlier draft of the same item (retry, double click), or the record shows it */
        ALREADY_EXISTED,
        /** nothing was written for it; {@code failure} and {@code reason} say why */
        FAILED
    }

    /** Why an item was not written. */
    public enum Failure {
        /** the id is not an item of the bundle */
        NOT_IN_BUNDLE,
        /** the EHR refused the write for lack of permission (HTTP 401/403) */
        WRITE_NOT_PERMITTED,
        /** the EHR rejected the transaction as invalid (another HTTP 4xx) */
        REJECTED_BY_EHR,
        /** the EHR failed (HTTP 5xx) */
        EHR_ERROR,
        /** the EHR could not be reached or did not answer in time */
        EHR_UNREACHABLE,
        /** the EHR answered, but not with a transaction-response entry for the item */
        UNEXPECTED_RESPONSE
    }

    /**
     * @param itemId    the item
     * @param title     its title
     * @param outcome   created, existed, or failed
     * @param reference {@code Type/id} of the draft (or of what the record shows), null when failed
     * @param failure   why it failed, null otherwise
     * @param reason    for the clinician: what failed and what to do, null unless failed
     */
    public record ItemOutcome(String itemId, String title, Outcome outcome, String reference, Failure failure,
                              String reason) {
    }

    /** True when nothing failed. */
    public boolean indicatesSuccess() {
        return outcomes.stream().noneMatch(o -> o.outcome() == Outcome.FAILED);
    }

    public List<ItemOutcome> failed() {
        return outcomes.stream().filter(o -> o.outcome() == Outcome.FAILED).toList();
    }
}
