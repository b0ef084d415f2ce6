package io.chartlens.review;

/** Where a card was shown ({@code card_impression.source}, migration V7). */
public enum ImpressionSource {

    /** The summary page rendered the card with its decision control. */
    SUMMARY,

    /**
     * The CDS Hooks service issued the card to the EHR in answer to a hook call. Issued is not necessarily displayed:
     * the EHR may show fewer cards than it was given.
     */
    CDS_HOOKS
}
