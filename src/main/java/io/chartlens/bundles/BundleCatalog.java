package io.chartlens.bundles;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.hl7.fhir.r4.model.StringType;

/**
 * The bundles of {@code smart-config/bundles/}: {@code PlanDefinition-<id>.json} files whose actions point
 * ({@code definitionCanonical}, {@code url|version}) at {@code ActivityDefinition-<id>.json} files beside them.
 * Everything is checked when it loads, and a problem fails the start with the file's name: a trigger naming a band
 * the score does not have, a gap of a measure that is not configured, an action without an ActivityDefinition, a
 * value set or observation kind that does not exist. {@code smart-config/bundles/README.md} documents the format.
 */
public final class BundleCatalog {

    static final String FOLDER = "bundles";
    static final String WITHHELD = ActivityReader.BASE + "bundle-withheld-when-taking";
    private static final String ID = "[a-z0-9][a-z0-9-]*";

    private final List<BundleDefinition> bundles;

    private BundleCatalog(List<BundleDefinition> bundles) {
        this.bundles = List.copyOf(bundles);
    }

    /**
     * Loads and checks the bundles.
     *
     * @param read reads a file by its path relative to {@code smart-config/}
     * @param list lists the files in a folder (relative path, file-name suffix) as relative paths
     * @throws IllegalStateException naming the file and what is wrong with it
     */
    public static BundleCatalog load(Function<String, String> read, BiFunction<String, String, List<String>> list) {
        IParser parser = FhirContext.forR4Cached().newJsonParser();
        ConfigReferences references = new ConfigReferences(read, list, parser);
        Map<String, ActivityReader.Activity> activities = new HashMap<>();
        List<String> plans = new ArrayList<>();
        for (String path : list.apply(FOLDER, ".json")) {
            String file = path.substring(path.lastIndexOf('/') + 1);
            if (file.startsWith("ActivityDefinition-")) {
                ActivityDefinition ad = parse(parser, ActivityDefinition.class, path, read.apply(path));
                checkId(path, file, "ActivityDefinition-", ad.getIdElement().getIdPart());
                ActivityReader.Activity activity = inFile(path, () -> ActivityReader.read(ad, references));
                if (activities.put(activity.url(), activity) != null) {
                    throw new IllegalStateException(path + ": another ActivityDefinition has url " + activity.url());
                }
            } else if (file.startsWith("PlanDefinition-")) {
                plans.add(path);
            } else {
                throw new IllegalStateException(path + ": only PlanDefinition-<id>.json and"
                        + " ActivityDefinition-<id>.json belong in smart-config/" + FOLDER);
            }
        }
        List<BundleDefinition> bundles = new ArrayList<>();
        Set<String> urls = new HashSet<>();
        for (String path : plans) {
            PlanDefinition plan = parse(parser, PlanDefinition.class, path, read.apply(path));
            checkId(path, path.substring(path.lastIndexOf('/') + 1), "PlanDefinition-", plan.getIdElement().getIdPart());
            BundleDefinition bundle = inFile(path, () -> definition(plan, activities, references));
            if (!urls.add(bundle.url())) {
                throw new IllegalStateException(path + ": another PlanDefinition has url " + bundle.url());
            }
            bundles.add(bundle);
        }
        return new BundleCatalog(bundles);
    }

    private static BundleDefinition definition(PlanDefinition plan, Map<String, ActivityReader.Activity> activities,
                                               ConfigReferences references) {
        if (!plan.hasUrl() || !plan.hasVersion() || !plan.hasName() || !plan.hasTitle() || !plan.hasDescription()) {
            throw new IllegalArgumentException("a PlanDefinition needs url, version, name, title and description");
        }
        if (plan.getStatus() != PublicationStatus.ACTIVE) {
            throw new IllegalArgumentException("status must be active");
        }
        List<BundleTrigger> triggers = triggers(plan.getExtension(), references);
        if (triggers.isEmpty()) {
            throw new IllegalArgumentException("a bundle needs at least one " + BundleTrigger.EXTENSION);
        }
        List<Ingredient> withheld = plan.getExtension().stream().filter(e -> WITHHELD.equals(e.getUrl()))
                .map(ActivityReader::ingredient).toList();
        List<BundleItem> items = new ArrayList<>();
        for (PlanDefinition.PlanDefinitionActionComponent action : plan.getAction()) {
            String id = action.getId();
            if (id == null || !id.matches(ID) || items.stream().anyMatch(i -> i.id().equals(id))) {
                throw new IllegalArgumentException("every action needs a unique id of lowercase letters, digits"
                        + " or '-' (found '" + id + "')");
            }
            if (!action.hasTitle() || !action.hasDefinitionCanonicalType()) {
                throw new IllegalArgumentException("action " + id + " needs a title and a definitionCanonical");
            }
            String canonical = action.getDefinitionCanonicalType().getValue();
            String url = canonical.contains("|") ? canonical.substring(0, canonical.indexOf('|')) : canonical;
            ActivityReader.Activity activity = activities.get(url);
            if (activity == null) {
                throw new IllegalArgumentException("action " + id + " names " + canonical
                        + ", which no ActivityDefinition in smart-config/" + FOLDER + " has");
            }
            if (canonical.contains("|") && !canonical.endsWith("|" + activity.version())) {
                throw new IllegalArgumentException("action " + id + " names " + canonical
                        + " but the ActivityDefinition is version " + activity.version());
            }
            items.add(new BundleItem(id, action.getTitle(),
                    action.hasDescription() ? action.getDescription() : action.getTitle(), activity.kind(),
                    activity.what(), activity.priority(), activity.dosageText(), activity.url(), activity.version(),
                    triggers(action.getExtension(), references), activity.satisfiedBy()));
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a bundle needs at least one action");
        }
        List<String> citations = plan.getRelatedArtifact().stream()
                .filter(a -> a.getType() == RelatedArtifact.RelatedArtifactType.CITATION && a.hasDisplay())
                .map(RelatedArtifact::getDisplay).toList();
        return new BundleDefinition(plan.getIdElement().getIdPart(), plan.getUrl(), plan.getVersion(),
                plan.getTitle(), plan.getDescription(), triggers, withheld, items, citations);
    }

    private static List<BundleTrigger> triggers(List<Extension> extensions, ConfigReferences references) {
        List<BundleTrigger> triggers = new ArrayList<>();
        for (Extension e : extensions) {
            if (BundleTrigger.EXTENSION.equals(e.getUrl())) {
                if (!(e.getValue() instanceof StringType text)) {
                    throw new IllegalArgumentException(BundleTrigger.EXTENSION + " needs a valueString");
                }
                BundleTrigger trigger = BundleTrigger.parse(text.getValue());
                references.check(trigger);
                triggers.add(trigger);
            } else if (e.getUrl().startsWith(ActivityReader.BASE) && !WITHHELD.equals(e.getUrl())) {
                throw new IllegalArgumentException("unknown extension " + e.getUrl());
            }
        }
        return triggers;
    }

    private static void checkId(String path, String file, String prefix, String id) {
        if (id == null || !id.matches(ID) || !file.equals(prefix + id + ".json")) {
            throw new IllegalStateException(path + ": the file must be named " + prefix + "<id>.json after its id,"
                    + " of lowercase letters, digits or '-' (id is '" + id + "')");
        }
    }

    private static <T> T inFile(String path, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(path + ": " + e.getMessage(), e);
        }
    }

    private static <T extends IBaseResource> T parse(IParser parser, Class<T> type, String path, String json) {
        try {
            return parser.parseResource(type, json);
        } catch (DataFormatException | ClassCastException e) {
            throw new IllegalStateException(path + " is not a FHIR " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public List<BundleDefinition> bundles() {
        return bundles;
    }

    public Optional<BundleDefinition> bundle(String id) {
        return bundles.stream().filter(b -> b.id().equals(id)).findFirst();
    }
}
