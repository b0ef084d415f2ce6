package io.chartlens.review;

import java.util.Arrays;

/** Why a {@link VersionChoice} was made; stored as {@link #code()}. */
public enum ChoiceNote {
    /** Someone chose this version. */
    ACTIVATE("activate"),
    /** Someone went back to the version active before the latest choice. */
    ROLLBACK("rollback");

    private final String code;

    ChoiceNote(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static ChoiceNote ofCode(String code) {
        return Arrays.stream(values()).filter(n -> n.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown note in rule_version_choice"));
    }
}
