package io.chartlens.cdshooks;

/** A card's {@code indicator} (CDS Hooks 2.0, Card Attributes), declared in order of increasing urgency. */
public enum Indicator {
    INFO("info"), WARNING("warning"), CRITICAL("critical");

    private final String code;

    Indicator(String code) {
        this.code = code;
    }

    /** The value on the wire. */
    public String code() {
        return code;
    }
}
