package io.chartlens.risk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A clinician's what-if or correction of a score's inputs: the record's inputs with some replaced. The edits are
 * shown as such and never written back to the EHR.
 *
 * @param before the result from the record's inputs
 * @param after  the result with the edits
 * @param edits  each changed input: name, the record's value (null when it had none) and the entered value
 * @param used   the inputs the {@code after} result was computed from (the record's, with the edits)
 */
public record WhatIf(ScoreResult before, ScoreResult after, List<Edit> edits, ScoreInputs used) {

    /** One changed input; values are display text in the definition's unit. */
    public record Edit(String input, String label, String recorded, String entered) {
    }

    /**
     * Applies the form's values ({@code in.<input>}) over the record's inputs. A blank field keeps the record's value;
     * a value that fails to parse is an error with the input named.
     */
    public static WhatIf apply(RiskScore score, RiskInputs recorded, Map<String, String> form) {
        Map<String, InputValue> merged = new LinkedHashMap<>(recorded.inputs().values());
        List<Edit> edits = new ArrayList<>();
        for (ScoreDefinition.Input input : score.definition().inputs()) {
            String raw = form.get("in." + input.name());
            if (raw == null || raw.isBlank()) {
                continue;
            }
            InputValue entered = parse(input, raw.trim());
            InputValue old = merged.get(input.name());
            if (!entered.equals(old) && !(old != null && same(old, entered))) {
                merged.put(input.name(), entered);
                edits.add(new Edit(input.name(), input.label(), old == null ? null : display(old), display(entered)));
            }
        }
        ScoreInputs used = new ScoreInputs(merged);
        return new WhatIf(score.compute(recorded.inputs()), score.compute(used), List.copyOf(edits), used);
    }

    static InputValue parse(ScoreDefinition.Input input, String raw) {
        switch (input.type()) {
            case "flag" -> {
                if (raw.equals("true") || raw.equals("false")) {
                    return new InputValue.Flag(Boolean.parseBoolean(raw));
                }
                throw new IllegalArgumentException(input.label() + ": choose yes or no");
            }
            case "choice" -> {
                if (input.allowed().contains(raw)) {
                    return new InputValue.Choice(raw);
                }
                throw new IllegalArgumentException(input.label() + ": choose one of " + input.allowed());
            }
            default -> {
                try {
                    return new InputValue.Quantity(new BigDecimal(raw), input.unit());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(input.label() + ": enter a number in " + input.unit());
                }
            }
        }
    }

    private static boolean same(InputValue a, InputValue b) {
        return a instanceof InputValue.Quantity qa && b instanceof InputValue.Quantity qb
                && qa.value().compareTo(qb.value()) == 0;
    }

    static String display(InputValue v) {
        if (v instanceof InputValue.Quantity q) {
            return q.value().stripTrailingZeros().toPlainString() + " " + q.unit();
        }
        if (v instanceof InputValue.Flag f) {
            return f.value() ? "yes" : "no";
        }
        return ((InputValue.Choice) v).value();
    }

    /** The current value of an input for the form: the edit if any, else the record's. */
    public static Optional<String> formValue(InputValue value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof InputValue.Quantity q) {
            return Optional.of(q.value().stripTrailingZeros().toPlainString());
        }
        if (value instanceof InputValue.Flag f) {
            return Optional.of(String.valueOf(f.value()));
        }
        return Optional.of(((InputValue.Choice) value).value());
    }
}
