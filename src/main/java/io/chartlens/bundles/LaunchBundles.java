package io.chartlens.bundles;

import io.chartlens.caregaps.CareGaps;
import io.chartlens.launch.EhrRegistration;
import io.chartlens.launch.LaunchSession;
import io.chartlens.record.PatientRecords;
import io.chartlens.risk.RiskPanel;
import io.chartlens.risk.ScoreRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The bundles suggested on a launch's summary, from its record, its scores and its care gaps. */
@ApplicationScoped
public class LaunchBundles {

    @Inject
    PatientRecords records;
    @Inject
    ScoreRegistry scores;
    @Inject
    CareGaps careGaps;
    @Inject
    Bundles bundles;

    /** The suggestions once the record and its care gaps are ready; empty while the care gaps are not known yet. */
    public Optional<CompletableFuture<BundleSuggestions>> suggestions(LaunchSession launch,
                                                                     EhrRegistration registration) {
        return careGaps.forLaunch(launch).map(gaps -> records.recordFor(launch, registration).thenCombine(gaps,
                (record, report) -> BundleSuggestions.of(record, RiskPanel.of(record, scores.all(),
                        records.freshness()), report, bundles.catalog())));
    }

    /**
     * Whether this launch may write draft orders, or why not (for the card): the registration must enable it, and
     * the token must grant creating every kind of order a bundle item can become.
     */
    public static Optional<String> whyNoWrites(LaunchSession launch, EhrRegistration registration) {
        if (!registration.writeDraftOrders()) {
            return Optional.of("ChartLens is not set up to write draft orders to this EHR (its registration does not"
                    + " enable it), so it did not ask for write access: copy the order list into the EHR instead.");
        }
        java.util.Set<String> granted = launch.scope() == null ? java.util.Set.of()
                : java.util.Set.of(launch.scope().trim().split("\\s+"));
        return DraftOrderScopes.missing(granted, java.util.List.of(OrderKind.values()));
    }
}
