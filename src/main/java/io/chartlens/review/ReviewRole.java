package io.chartlens.review;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The roles of {@code smart-config/roles.json}, by code. The pages decide what each may see and do. */
public enum ReviewRole {
    /** Decides on cards; the default for users the file does not name. */
    CLINICIAN,
    /** A clinician on inpatient wards (hospital scores, bundles). */
    HOSPITALIST,
    /** Reviews the feedback log and rule performance (issue #9). */
    INFORMATICIST,
    /** Administers ChartLens (e.g. activates and rolls back rule versions). */
    ADMIN;

    /** The code used in the file and stored as {@code actor_role}, e.g. {@code informaticist}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role with this code, if any (exact, lower case). */
    public static Optional<ReviewRole> ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }
}
