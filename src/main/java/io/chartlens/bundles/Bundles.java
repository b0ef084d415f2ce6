package io.chartlens.bundles;

import io.chartlens.system.ConfigFiles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The intervention-bundle catalog of {@code smart-config/bundles/}, loaded and checked once at start. */
@ApplicationScoped
public class Bundles {

    @Inject
    ConfigFiles configFiles;

    private BundleCatalog catalog;

    @PostConstruct
    void init() {
        catalog = BundleCatalog.load(configFiles::read, configFiles::list);
    }

    public BundleCatalog catalog() {
        return catalog;
    }
}
