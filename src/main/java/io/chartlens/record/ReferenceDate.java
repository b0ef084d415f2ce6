package io.chartlens.record;

import java.time.Instant;

/**
 * The instant that "now" means for a record: ages of values, staleness and look-back windows are measured from it.
 * It is the wall clock in production; the sandbox uses each patient's last record date because the synthetic
 * records end in the past (a 2019 record would otherwise show nothing current). The page always says which.
 *
 * @param value the instant
 * @param mode  how it was chosen
 */
public record ReferenceDate(Instant value, Mode mode) {

    /** How a reference date is chosen; configured per EHR registration ({@code referenceDate}). */
    public enum Mode {
        /** the wall clock */
        NOW,
        /** the latest clinical date in the patient's record (development sandbox) */
        LAST_RECORD;

        public static Mode parse(String value) {
            return switch (value == null ? "now" : value) {
                case "now" -> NOW;
                case "last-record" -> LAST_RECORD;
                default -> throw new IllegalArgumentException("referenceDate must be now or last-record: " + value);
            };
        }

        /**
         * The mode for a registration, given the deployment-wide setting {@code chartlens.reference-date}
         * ({@code CHARTLENS_REFERENCE_DATE}): {@code registration} (each EHR registration's {@code referenceDate}),
         * or {@code now} / {@code last-record} for every registration.
         *
         * @throws IllegalArgumentException naming the valid values
         */
        public static Mode effective(String setting, Mode registration) {
            return override(setting).orElse(registration);
        }

        /** The deployment-wide mode of {@link #effective}, or empty when each registration chooses. */
        public static java.util.Optional<Mode> override(String setting) {
            String value = setting == null ? "registration" : setting.trim();
            return switch (value) {
                case "", "registration" -> java.util.Optional.empty();
                case "now" -> java.util.Optional.of(NOW);
                case "last-record" -> java.util.Optional.of(LAST_RECORD);
                default -> throw new IllegalArgumentException("chartlens.reference-date (CHARTLENS_REFERENCE_DATE) "
                        + "must be registration, now or last-record: " + value);
            };
        }
    }

    public boolean isWallClock() {
        return mode == Mode.NOW;
    }
}
