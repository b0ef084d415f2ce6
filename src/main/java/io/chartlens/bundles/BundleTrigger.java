package io.chartlens.bundles;

import io.chartlens.caregaps.CareGapStatus;
import java.util.regex.Pattern;

/**
 * What makes a bundle, or one item of it, relevant. Written as the {@code valueString} of the extension
 * {@value #EXTENSION} on a PlanDefinition (the bundle is suggested when any of its triggers holds) or on one of its
 * actions (the item is offered only when one of its own triggers holds):
 * <ul>
 * <li>{@code score:<scoreId>:band=<band label>}: the score's card is final in that band, exactly as labelled in
 * {@code smart-config/scores/<scoreId>.json} ({@code parameters.bands}); or it is incomplete and its warning says the
 * items present already reach that band ("the missing items can only add points").</li>
 * <li>{@code gap:<measureId>:<gaps-status>}: the care gap of {@code smart-config/measures/Measure-<measureId>.json}
 * has that DEQM gaps-status code, {@code open-gap} or {@code prospective-gap}.</li>
 * </ul>
 */
public sealed interface BundleTrigger permits BundleTrigger.ScoreBand, BundleTrigger.GapStatus {

    String EXTENSION = "http://chartlens.io/fhir/StructureDefinition/bundle-trigger";

    /** The trigger as written in the extension. */
    String text();

    /** A score in a band. */
    record ScoreBand(String scoreId, String band) implements BundleTrigger {
        @Override
        public String text() {
            return "score:" + scoreId + ":band=" + band;
        }
    }

    /** A care gap in a status ({@link CareGapStatus#OPEN_GAP} or {@link CareGapStatus#PROSPECTIVE_GAP}). */
    record GapStatus(String measureId, CareGapStatus status) implements BundleTrigger {
        @Override
        public String text() {
            return "gap:" + measureId + ":" + status.code();
        }
    }

    /**
     * Parses a trigger.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static BundleTrigger parse(String text) {
        Pattern id = Pattern.compile("[a-z0-9][a-z0-9-]*");
        String[] parts = text == null ? new String[0] : text.split(":", 3);
        if (parts.length != 3 || !id.matcher(parts[1]).matches()) {
            throw new IllegalArgumentException("trigger '" + text
                    + "' is not score:<scoreId>:band=<label> or gap:<measureId>:<gaps-status>");
        }
        switch (parts[0]) {
            case "score" -> {
                if (!parts[2].startsWith("band=") || parts[2].length() == "band=".length()) {
                    throw new IllegalArgumentException("trigger '" + text + "' must end with band=<band label>");
                }
                return new ScoreBand(parts[1], parts[2].substring("band=".length()));
            }
            case "gap" -> {
                if (CareGapStatus.OPEN_GAP.code().equals(parts[2])) {
                    return new GapStatus(parts[1], CareGapStatus.OPEN_GAP);
                } else if (CareGapStatus.PROSPECTIVE_GAP.code().equals(parts[2])) {
                    return new GapStatus(parts[1], CareGapStatus.PROSPECTIVE_GAP);
                }
                throw new IllegalArgumentException("trigger '" + text + "': a gap triggers on open-gap or"
                        + " prospective-gap, not '" + parts[2] + "'");
            }
            default -> throw new IllegalArgumentException("trigger '" + text + "' must start with score: or gap:");
        }
    }
}
