package io.chartlens.bundles;

import io.chartlens.caregaps.CareGapReport;
import io.chartlens.fhir.RecordSection;
import io.chartlens.fhir.SectionStatus;
import io.chartlens.record.Entries.MedicationEntry;
import io.chartlens.record.PatientRecord;
import io.chartlens.risk.RiskPanel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bundles suggested for one patient, derived from the record, its risk panel and its care gaps, and the bundles
 * whose trigger holds but that are withheld because the patient already takes what they are about (an oral
 * anticoagulant, for stroke prevention), with the medication that shows it.
 *
 * @param suggested the suggested bundles, in catalog order
 * @param withheld  the bundles not suggested despite a trigger, with the reason
 */
public record BundleSuggestions(List<SuggestedBundle> suggested, List<Withheld> withheld) {

    public BundleSuggestions {
        suggested = List.copyOf(suggested);
        withheld = List.copyOf(withheld);
    }

    /**
     * A bundle whose trigger holds but which is not suggested.
     *
     * @param definition the bundle
     * @param why        the triggers that hold
     * @param reason     why it is withheld, in plain words
     * @param shownBy    the medication that shows it ({@code MedicationRequest/id})
     */
    public record Withheld(BundleDefinition definition, List<SuggestedBundle.Why> why, String reason, String shownBy) {
        public Withheld {
            why = List.copyOf(why);
        }
    }

    /** Without reading the EHR's open orders: each suggestion notes that an item may already be ordered. */
    public static BundleSuggestions of(PatientRecord record, RiskPanel panel, CareGapReport gaps, BundleCatalog catalog) {
        return of(record, panel, gaps, catalog, ExistingOrders.notRead(
                "Orders placed in the EHR (ServiceRequest, Task) were not read: an item may already be ordered."));
    }

    public static BundleSuggestions of(PatientRecord record, RiskPanel panel, CareGapReport gaps, BundleCatalog catalog,
                                       ExistingOrders orders) {
        List<SuggestedBundle> suggested = new ArrayList<>();
        List<Withheld> withheld = new ArrayList<>();
        String patientRef = "Patient/" + record.patientId();
        for (BundleDefinition bundle : catalog.bundles()) {
            List<SuggestedBundle.Why> why = bundle.triggers().stream()
                    .map(t -> Reasons.why(t, panel, gaps)).flatMap(Optional::stream).toList();
            if (why.isEmpty()) {
                continue;
            }
            Optional<MedicationEntry> taking = record.activeMedications().stream()
                    .filter(m -> bundle.withheldWhenTaking().stream().anyMatch(i -> i.matches(m))).findFirst();
            if (taking.isPresent()) {
                withheld.add(new Withheld(bundle, why, "Not suggested: the medication list has "
                        + taking.get().medication().display() + ".", taking.get().source()));
                continue;
            }
            List<SuggestedBundle.Item> items = bundle.items().stream()
                    .filter(i -> i.triggers().isEmpty() || i.triggers().stream().anyMatch(t -> Reasons.holds(t, panel, gaps)))
                    .map(i -> Holdings.item(i, DraftOrders.identifierValue(patientRef, bundle, i.id()), record, orders))
                    .toList();
            suggested.add(new SuggestedBundle(bundle, why, items, notes(record, bundle, orders)));
        }
        return new BundleSuggestions(suggested, withheld);
    }

    /** What the page must say because it limits the suggestion: unknown is never shown as "none". */
    private static List<String> notes(PatientRecord record, BundleDefinition bundle, ExistingOrders orders) {
        List<String> notes = new ArrayList<>();
        if (!bundle.withheldWhenTaking().isEmpty() && !record.section(RecordSection.MEDICATIONS).complete()) {
            notes.add("The medication list did not load completely: check that the patient does not already take "
                    + String.join(", ", bundle.withheldWhenTaking().stream().map(Ingredient::name).toList()) + ".");
        }
        List<String> incomplete = record.incompleteSections().stream()
                .filter(s -> s.section() != RecordSection.PATIENT).map(SectionStatus::section)
                .map(RecordSection::label).distinct().toList();
        if (!incomplete.isEmpty()) {
            notes.add("Not all of the record loaded (" + String.join(", ", incomplete)
                    + "): an item shown as suggested may already be ordered or done.");
        }
        notes.addAll(orders.unread());
        return notes;
    }
}
