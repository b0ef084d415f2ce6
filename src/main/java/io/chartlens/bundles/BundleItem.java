package io.chartlens.bundles;

import java.util.List;

/**
 * One action of a bundle with its ActivityDefinition, parsed.
 *
 * @param id              the action's id, unique in its bundle (what the page submits)
 * @param title           the action's title
 * @param description     the action's description
 * @param kind            the request resource it becomes
 * @param what            what it orders: code (ServiceRequest, Task) or product (MedicationRequest)
 * @param priority        the FHIR request priority code (routine, urgent, asap, stat)
 * @param dosageText      the dosage text for a MedicationRequest, else null
 * @param activityUrl     the ActivityDefinition's canonical URL
 * @param activityVersion the ActivityDefinition's version
 * @param triggers        the item's own triggers; empty when it belongs to every suggestion of its bundle
 * @param satisfiedBy     what shows the patient already has it
 */
public record BundleItem(String id, String title, String description, OrderKind kind, Concept what, String priority,
                         String dosageText, String activityUrl, String activityVersion, List<BundleTrigger> triggers,
                         SatisfiedBy satisfiedBy) {

    public BundleItem {
        triggers = List.copyOf(triggers);
    }

    /** The canonical reference to the ActivityDefinition, {@code url|version}. */
    public String activityCanonical() {
        return activityUrl + "|" + activityVersion;
    }
}
