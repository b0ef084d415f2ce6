package io.chartlens.risk;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import net.minidev.json.JSONArray;

/**
 * Builds the {@link ScoreResult}s of one score: id, version, unit and citation come from its definition, so each
 * calculator states only the status and what it found.
 */
final class ScoreResults {

    private final ScoreDefinition definition;
    private final String unit;

    ScoreResults(ScoreDefinition definition, String unit) {
        this.definition = definition;
        this.unit = unit;
    }

    ScoreResult result(ScoreStatus status, BigDecimal value, BigDecimal partial, String band,
                       Map<String, BigDecimal> items, List<String> missing, List<String> warnings) {
        return new ScoreResult(definition.id(), definition.version(), status, value, partial, unit, band, items,
                missing, warnings, definition.source());
    }

    /** INVALID_INPUT: no points; the problems are the warnings. */
    ScoreResult invalid(List<String> missing, List<String> problems) {
        return result(ScoreStatus.INVALID_INPUT, null, null, null, Map.of(), missing, problems);
    }

    /** NOT_APPLICABLE: the patient is outside the score's population; the reason is the one warning. */
    ScoreResult notApplicable(String reason) {
        return result(ScoreStatus.NOT_APPLICABLE, null, null, null, Map.of(), List.of(), List.of(reason));
    }

    /** INCOMPLETE: the points of the items present as {@code partial}, no total and no band. */
    ScoreResult incomplete(Map<String, BigDecimal> items, List<String> missing, List<String> warnings) {
        return result(ScoreStatus.INCOMPLETE, null, ScoreParameters.total(items), null, items, missing, warnings);
    }

    /**
     * The end of a point score with severity {@code bands} ({@code minTotal}, {@code anyItemPoints}): INCOMPLETE,
     * with a warning when the items present already reach an escalation band, or OK with the band reached.
     */
    ScoreResult bandedPoints(JSONArray bands, Map<String, BigDecimal> items, List<String> missing,
                             List<String> warnings) {
        BigDecimal total = ScoreParameters.total(items);
        if (!missing.isEmpty()) {
            ScoreParameters.floorBandWarning(bands, total, items.values()).ifPresent(warnings::add);
            return incomplete(items, missing, warnings);
        }
        return result(ScoreStatus.OK, total, null, ScoreParameters.severityBand(bands, total, items.values())
                .map(b -> (String) b.get("label")).orElseThrow(), items, missing, warnings);
    }
}
