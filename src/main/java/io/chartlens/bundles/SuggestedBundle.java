package io.chartlens.bundles;

import io.chartlens.caregaps.CareGap;
import io.chartlens.risk.RiskPanel;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A bundle suggested for one patient: why (each trigger that holds, with the score card or care gap and its inputs or
 * evidence), what is in it, and for each item whether the patient already has it and which FHIR resource shows that.
 *
 * @param definition the bundle
 * @param why        the triggers that hold, in the bundle's order; never empty
 * @param items      the items offered for this patient (an item with its own triggers only when one holds)
 * @param notes      what limits the suggestion, in plain words (a record section that did not load, orders in the
 *                   EHR that could not be read); empty when nothing does
 */
public record SuggestedBundle(BundleDefinition definition, List<Why> why, List<Item> items, List<String> notes) {

    public SuggestedBundle {
        why = List.copyOf(why);
        items = List.copyOf(items);
        notes = List.copyOf(notes);
    }

    /**
     * One trigger that holds.
     *
     * @param trigger the trigger
     * @param summary one line: the score and its headline, or the measure and its gap status
     * @param score   the score's card, for a score trigger
     * @param gap     the care gap, for a gap trigger
     * @param facts   the inputs of the score or the evidence of the gap, each with its FHIR source
     */
    public record Why(BundleTrigger trigger, String summary, Optional<RiskPanel.Card> score, Optional<CareGap> gap,
                      List<Fact> facts) {
        public Why {
            facts = List.copyOf(facts);
        }
    }

    /**
     * One input or piece of evidence behind a trigger.
     *
     * @param label  what it is ("Respiration rate", "made the patient eligible")
     * @param value  its value or display
     * @param date   its clinical date, when known
     * @param source {@code Type/id} of the FHIR resource, or null when derived (age from the birth date)
     */
    public record Fact(String label, String value, Optional<LocalDate> date, String source) {
    }

    /**
     * One item for this patient.
     *
     * @param definition the item
     * @param status     suggested, or already ordered or done
     * @param shownBy    the record entry that shows the patient already has it; empty when suggested
     */
    public record Item(BundleItem definition, ItemStatus status, Optional<Holding> shownBy) {
        public String id() {
            return definition.id();
        }
    }

    /**
     * What the patient already has.
     *
     * @param reference {@code Type/id}
     * @param display   what it is
     * @param status    its FHIR status ("active", "completed", "draft"...)
     * @param date      its date, when known
     */
    public record Holding(String reference, String display, String status, Optional<LocalDate> date) {
    }

    public Optional<Item> item(String itemId) {
        return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }

    /** The items offered for ordering (neither ordered nor done). */
    public List<Item> suggestedItems() {
        return items.stream().filter(i -> i.status() == ItemStatus.SUGGESTED).toList();
    }
}
