package io.chartlens.review;

/**
 * The groupings of a drill-down, each one column of {@code feedback_event}. A null column is its own stratum,
 * "not recorded" ({@link StratumRow#NOT_RECORDED}).
 */
public enum StratumDimension {
    ACTOR_ROLE("actor_role", "Role"),
    EHR("ehr", "EHR"),
    AGE_BAND("patient_age_band", "Age band"),
    SEX("patient_sex", "Sex"),
    RACE("patient_race", "Race"),
    ETHNICITY("patient_ethnicity", "Ethnicity");

    private final String column;
    private final String label;

    StratumDimension(String column, String label) {
        this.column = column;
        this.label = label;
    }

    /** The column, a constant (safe to put in SQL text). */
    String column() {
        return column;
    }

    public String label() {
        return label;
    }
}
