package io.chartlens.bundles;

/** Whether a bundle item is offered, or the record shows the patient already has it. */
public enum ItemStatus {
    SUGGESTED("Suggested"),
    /** an open order, a current medication, or a booked visit: not suggested again */
    ALREADY_ORDERED("Already ordered"),
    /** done within the item's look-back window: not suggested again */
    ALREADY_DONE("Already done");

    private final String label;

    ItemStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
