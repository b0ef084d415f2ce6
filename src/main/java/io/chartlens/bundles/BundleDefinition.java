package io.chartlens.bundles;

import java.util.List;
import java.util.Optional;

/**
 * One bundle as configured in {@code smart-config/bundles/PlanDefinition-<id>.json}, parsed and checked once.
 *
 * @param id                 the PlanDefinition's id (lowercase letters, digits, '-')
 * @param url                its canonical URL
 * @param version            its version; part of every draft order's identifier, so a new version may order again
 * @param title              plain title
 * @param description        what it is for
 * @param triggers           when it is suggested (any of them)
 * @param withheldWhenTaking ingredients that make it unnecessary ({@code bundle-withheld-when-taking}); for example
 *                           an oral anticoagulant for the stroke-prevention bundle
 * @param items              its items, in the PlanDefinition's order
 * @param citations          the evidence it follows ({@code relatedArtifact} of type citation)
 */
public record BundleDefinition(String id, String url, String version, String title, String description,
                               List<BundleTrigger> triggers, List<Ingredient> withheldWhenTaking,
                               List<BundleItem> items, List<String> citations) {

    public BundleDefinition {
        triggers = List.copyOf(triggers);
        withheldWhenTaking = List.copyOf(withheldWhenTaking);
        items = List.copyOf(items);
        citations = List.copyOf(citations);
    }

    public Optional<BundleItem> item(String itemId) {
        return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }
}
