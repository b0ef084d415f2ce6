package io.chartlens.bundles;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What in the record shows that the patient already has an item, from the ActivityDefinition's extensions
 * ({@code satisfied-by-code}, {@code satisfied-by-valueset}, {@code satisfied-by-ingredient},
 * {@code satisfied-by-observation}, {@code satisfied-within}). Without any of them only an earlier draft of the same
 * item, or an order with the item's own code, shows it.
 *
 * @param codes            codes (system and code) whose procedures, immunizations, encounters, reports and orders
 *                         count; value sets are expanded into this set when the catalog loads
 * @param ingredients      medication ingredients whose current medications count
 * @param observationKinds kinds of {@code smart-config/record/observations.json} whose measurements count
 * @param within           the look-back from the record's reference date for things done; empty for any time
 */
public record SatisfiedBy(Set<CodeKey> codes, List<Ingredient> ingredients, Set<String> observationKinds,
                          Optional<Period> within) {

    public SatisfiedBy {
        codes = Set.copyOf(codes);
        ingredients = List.copyOf(ingredients);
        observationKinds = Set.copyOf(observationKinds);
    }

    /** A code in its system; displays never take part in matching. */
    public record CodeKey(String system, String code) {
    }

    public boolean matches(String system, String code) {
        return code != null && codes.contains(new CodeKey(system, code));
    }

    /** True when a date counts as recent enough (an unknown date never does when there is a window). */
    boolean recent(LocalDate date, LocalDate referenceDay) {
        return within.isEmpty() || (date != null && !date.isBefore(referenceDay.minus(within.get())));
    }
}
