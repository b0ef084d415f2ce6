package io.chartlens.bundles;

import io.chartlens.record.Code;
import io.chartlens.record.Entries.MedicationEntry;
import java.util.regex.Pattern;

/**
 * A medication ingredient: an RxNorm ingredient code with its name. A medication matches when it is coded with the
 * ingredient itself, or when the ingredient's name is a word of its text ("Warfarin Sodium 5 MG Oral Tablet"): EHRs
 * code clinical drugs, not ingredients, and an RxNorm ingredient lookup is not available offline.
 *
 * @param rxnorm the RxNorm ingredient code (TTY IN)
 * @param name   the ingredient's name, lower case
 */
public record Ingredient(String rxnorm, String name) {

    public Ingredient {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an ingredient needs its name (the coding's display)");
        }
    }

    public boolean matches(MedicationEntry medication) {
        Code code = medication.medication();
        if (Code.RXNORM.equals(code.system()) && rxnorm.equals(code.code())) {
            return true;
        }
        return Pattern.compile("\\b" + Pattern.quote(name) + "\\b", Pattern.CASE_INSENSITIVE)
                .matcher(code.display()).find();
    }
}
