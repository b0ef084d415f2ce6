package io.chartlens.overrides;

import com.nimbusds.oauth2.sdk.ParseException;
import io.chartlens.system.ConfigFiles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The override reasons of {@code smart-config/overrides/override-reasons.json}, loaded and checked once at start. */
@ApplicationScoped
public class OverrideReasonCatalog {

    static final String FILE = "overrides/override-reasons.json";

    @Inject
    ConfigFiles configFiles;

    private OverrideReasons reasons;

    @PostConstruct
    void init() {
        try {
            reasons = OverrideReasons.parse(configFiles.read(FILE));
        } catch (ParseException e) {
            throw new IllegalStateException(FILE + " is not valid: " + e.getMessage(), e);
        }
    }

    public OverrideReasons reasons() {
        return reasons;
    }
}
