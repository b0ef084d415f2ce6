package io.chartlens.overrides;

/** The kind of card a decision was made on. Stored by name (at most 20 characters), so never rename a constant. */
public enum CardType {
    /** A risk score card (e.g. a calculator result). */
    SCORE,
    /** A care-gap card (a due or overdue measure). */
    CARE_GAP,
    /** A care bundle card (several linked recommendations). */
    BUNDLE,
    /** A statement produced by the AI summary. */
    AI_STATEMENT
}
