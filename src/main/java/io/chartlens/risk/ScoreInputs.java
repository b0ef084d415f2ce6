package io.chartlens.risk;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * The inputs of one computation by lowerCamelCase name (as each score's definition file documents them). Absent
 * means missing: callers never fill a gap with a "normal" value.
 */
public record ScoreInputs(Map<String, InputValue> values) {

    public ScoreInputs {
        values = Map.copyOf(values);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Optional<BigDecimal> quantity(String name) {
        return values.get(name) instanceof InputValue.Quantity q ? Optional.of(q.value()) : Optional.empty();
    }

    public Optional<Boolean> flag(String name) {
        return values.get(name) instanceof InputValue.Flag f ? Optional.of(f.value()) : Optional.empty();
    }

    public Optional<String> choice(String name) {
        return values.get(name) instanceof InputValue.Choice c ? Optional.of(c.value()) : Optional.empty();
    }
}
