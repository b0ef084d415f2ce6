package io.chartlens.risk;

import net.minidev.json.JSONObject;

/**
 * What every point-score calculator holds: its definition, the definition's {@code parameters} and the result
 * builder. Subclasses add only their arithmetic.
 */
abstract class DefinedScore implements RiskScore {

    protected final ScoreDefinition definition;
    protected final JSONObject parameters;
    protected final ScoreResults results;

    DefinedScore(ScoreDefinition definition, String unit) {
        this.definition = definition;
        this.parameters = definition.parameters();
        this.results = new ScoreResults(definition, unit);
    }

    @Override
    public final String id() {
        return definition.id();
    }

    @Override
    public final ScoreDefinition definition() {
        return definition;
    }
}
