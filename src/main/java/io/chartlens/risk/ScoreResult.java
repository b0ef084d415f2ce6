package io.chartlens.risk;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of one score computation, as the JSON API returns it ({@code id, version, status, value, unit, band,
 * itemScores, missing, warnings, source}).
 *
 * @param id         the score id (e.g. {@code news2})
 * @param version    the definition's version
 * @param status     see {@link ScoreStatus}
 * @param value      the total (points or percent); null unless status is OK; for INCOMPLETE the partial points
 *                   are in {@link #partial}
 * @param partial    points from the inputs that are present (INCOMPLETE point scores only), else null
 * @param unit       "points" or "%" (PCE)
 * @param band       the risk band / category label from the definition, null unless OK
 * @param itemScores points (or contribution) per input item, in definition order, for present inputs
 * @param missing    input names that are missing and needed
 * @param warnings   plain-language warnings (e.g. "SpO2 scale 2 used because hypercapnic failure is recorded")
 * @param source     citation: authors, journal, year (from the definition)
 */
public record ScoreResult(String id, String version, ScoreStatus status, BigDecimal value, BigDecimal partial,
                          String unit, String band, Map<String, BigDecimal> itemScores, List<String> missing,
                          List<String> warnings, String source) {

    public ScoreResult {
        itemScores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(itemScores));
        missing = List.copyOf(missing);
        warnings = List.copyOf(warnings);
    }
}
