package io.chartlens.overrides;

import io.chartlens.record.Demographics;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The coarse groups a decision's patient belongs to, kept with each feedback row so that informaticists can compare
 * override rates across age bands, sexes, races and ethnicities without the log holding a birth date. Each value is
 * a fixed code, or null when not recorded (never guessed): a stratum of unknowns is reported as "not recorded".
 *
 * @param ageBand   one of {@link #AGE_BANDS}, at the record's reference date
 * @param sex       {@code female}, {@code male}, {@code other}
 * @param race      US Core race OMB category as ChartLens reads it: {@code white},
 *                  {@code black-or-african-american}, {@code other} (another category, or several)
 * @param ethnicity US Core ethnicity OMB category: {@code hispanic-or-latino}, {@code not-hispanic-or-latino}
 */
public record PatientStrata(String ageBand, String sex, String race, String ethnicity) {

    /** The age bands, youngest first. */
    public static final List<String> AGE_BANDS = List.of("0-17", "18-44", "45-64", "65-74", "75-84", "85+");
    private static final Set<String> SEXES = Set.of("female", "male", "other");
    private static final Set<String> RACES = Set.of("white", "black-or-african-american", "other");
    private static final Set<String> ETHNICITIES = Set.of("hispanic-or-latino", "not-hispanic-or-latino");

    /** Nothing recorded (a decision made outside a patient record, or an old row). */
    public static final PatientStrata NOT_RECORDED = new PatientStrata(null, null, null, null);

    public PatientStrata {
        check("ageBand", ageBand, Set.copyOf(AGE_BANDS));
        check("sex", sex, SEXES);
        check("race", race, RACES);
        check("ethnicity", ethnicity, ETHNICITIES);
    }

    /** The strata of a patient at a date (the record's reference date). */
    public static PatientStrata of(Demographics d, LocalDate at) {
        Objects.requireNonNull(d, "demographics");
        Objects.requireNonNull(at, "at");
        String band = d.ageAt(at).map(PatientStrata::band).orElse(null);
        String sex = d.sex() == Demographics.Sex.UNKNOWN ? null : d.sex().name().toLowerCase(Locale.ROOT);
        String race = switch (d.race()) {
            case WHITE -> "white";
            case AFRICAN_AMERICAN -> "black-or-african-american";
            case OTHER -> "other";
            case UNKNOWN -> null;
        };
        String ethnicity = switch (d.ethnicity()) {
            case HISPANIC_OR_LATINO -> "hispanic-or-latino";
            case NOT_HISPANIC_OR_LATINO -> "not-hispanic-or-latino";
            case UNKNOWN -> null;
        };
        return new PatientStrata(band, sex, race, ethnicity);
    }

    /** The band of an age in whole years. */
    public static String band(int age) {
        if (age < 0) {
            throw new IllegalArgumentException("age must not be negative");
        }
        return age < 18 ? "0-17" : age < 45 ? "18-44" : age < 65 ? "45-64" : age < 75 ? "65-74"
                : age < 85 ? "75-84" : "85+";
    }

    private static void check(String name, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw new IllegalArgumentException(name + " is not one of " + new java.util.TreeSet<>(allowed));
        }
    }
}
