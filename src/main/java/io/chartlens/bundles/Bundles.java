package io.chartlens.bundles;

import io.chartlens.risk.ActiveVersion;
import io.chartlens.risk.ActiveVersionsCache;
import io.chartlens.system.ConfigFiles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
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
    private ActiveVersionsCache<BundleDefinition> activeVersions;
    private volatile Catalogued catalogued;

    /** The catalog of one resolution of the active versions, built once per change of the choices. */
    private record Catalogued(ActiveVersionsCache.Resolved<BundleDefinition> resolved, BundleCatalog catalog) {
    }

    /** For CDI. */
    public Bundles() {
    }

    /** For tests and tools: the given versions and choices, without a container. */
    public Bundles(BundleVersions versions, BundleVersionChoices choices) {
        this.versions = Objects.requireNonNull(versions, "versions");
        this.choices = Objects.requireNonNull(choices, "choices");
        this.activeVersions = activeVersions(versions);
    }

    private static ActiveVersionsCache<BundleDefinition> activeVersions(BundleVersions versions) {
        return new ActiveVersionsCache<>(versions, "Bundle", "suggesting", LOG);
    }

    @PostConstruct
    void init() {
        versions = BundleVersions.load(configFiles::read, configFiles::list);
        activeVersions = activeVersions(versions);
    }

    /** The bundles, each in its active version. */
    public BundleCatalog catalog() {
        return current().catalog();
    }

    /** Every bundle's active version and why it is the active one, in catalog order (for the admin page). */
    public List<ActiveVersion<BundleDefinition>> active() {
        return List.copyOf(current().resolved().active().values());
    }

    /** Every configured version of every bundle. */
    public BundleVersions versions() {
        return versions;
    }

    /** The active versions and their catalog, built again only when the active versions were resolved again. */
    private Catalogued current() {
        ActiveVersionsCache.Resolved<BundleDefinition> resolved =
                activeVersions.resolve(choices.chosenBundleVersions(versions.ids()));
        Catalogued current = catalogued;
        if (current != null && current.resolved() == resolved) {
            return current;
        }
        Catalogued next = new Catalogued(resolved, versions.catalog(resolved.active()));
        catalogued = next;
        return next;
    }
}
