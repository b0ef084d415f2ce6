package io.chartlens.bundles;

import io.chartlens.risk.ActiveVersion;
import io.chartlens.risk.VersionResolution;
import io.chartlens.system.ConfigFiles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * The intervention-bundle catalog of {@code smart-config/bundles/}, loaded and checked once at start, with every
 * configured version of each bundle ({@link BundleVersions}). {@link #catalog()} holds the <em>active</em> version of
 * each bundle: the one an administrator chose if it is configured, else the default file's. The catalog is cached
 * and rebuilt only when the choices change ({@link BundleVersionChoices} caches them briefly and is invalidated at
 * once by a change made in this JVM; other instances see it when their cache expires).
 */
@ApplicationScoped
public class Bundles {

    private static final Logger LOG = Logger.getLogger(Bundles.class.getName());

    @Inject
    ConfigFiles configFiles;
    @Inject
    BundleVersionChoices choices;

    private BundleVersions versions;
    private volatile Resolved resolved;

    /** The active versions and their catalog for one set of choices. */
    private record Resolved(Map<String, String> chosen, Map<String, ActiveVersion<BundleDefinition>> active,
                            BundleCatalog catalog) {
    }

    /** For CDI. */
    public Bundles() {
    }

    /** For tests and tools: the given versions and choices, without a container. */
    public Bundles(BundleVersions versions, BundleVersionChoices choices) {
        this.versions = Objects.requireNonNull(versions, "versions");
        this.choices = Objects.requireNonNull(choices, "choices");
    }

    @PostConstruct
    void init() {
        versions = BundleVersions.load(configFiles::read, configFiles::list);
    }

    /** The bundles, each in its active version. */
    public BundleCatalog catalog() {
        return current().catalog();
    }

    /** Every bundle's active version and why it is the active one, in catalog order (for the admin page). */
    public List<ActiveVersion<BundleDefinition>> active() {
        return List.copyOf(current().active().values());
    }

    /** Every configured version of every bundle. */
    public BundleVersions versions() {
        return versions;
    }

    private Resolved current() {
        Map<String, String> chosen = choices.chosenBundleVersions(versions.ids());
        Resolved current = resolved;
        if (current != null && current.chosen().equals(chosen)) {
            return current;
        }
        Map<String, ActiveVersion<BundleDefinition>> active = versions.resolveAll(chosen);
        active.values().stream().filter(a -> a.resolution() == VersionResolution.CHOSEN_VERSION_UNKNOWN)
                .forEach(a -> LOG.warning("Bundle " + a.id() + ": the chosen version " + a.chosen()
                        + " is not configured; suggesting the default " + a.version()
                        + ". Activate a configured version on the admin page."));
        Resolved next = new Resolved(Map.copyOf(chosen), active, versions.catalog(active));
        resolved = next;
        return next;
    }
}
