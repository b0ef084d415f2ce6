package io.chartlens.review;

import com.nimbusds.oauth2.sdk.ParseException;
import io.chartlens.system.ConfigFiles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** The monitoring thresholds of {@code smart-config/review/monitoring.json}, loaded and checked at start. */
@ApplicationScoped
public class MonitoringCatalog {

    @Inject
    ConfigFiles configFiles;

    private MonitoringThresholds thresholds;

    @PostConstruct
    void init() {
        try {
            thresholds = MonitoringThresholds.parse(configFiles.read(MonitoringThresholds.FILE));
        } catch (ParseException e) {
            throw new IllegalStateException("smart-config/" + MonitoringThresholds.FILE + " is not valid: "
                    + e.getMessage(), e);
        }
    }

    void loadAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        thresholds();
    }

    public MonitoringThresholds thresholds() {
        return thresholds;
    }
}
