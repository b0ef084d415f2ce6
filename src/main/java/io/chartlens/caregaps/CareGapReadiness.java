package io.chartlens.caregaps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the CQL of every measure version has been translated (a few seconds after start), so a load balancer does
 * not send the first patients to an instance that would make them wait for the translation.
 */
@Readiness
@ApplicationScoped
public class CareGapReadiness implements HealthCheck {

    @Inject
    CareGaps careGaps;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("care-gap-measures").status(careGaps.prepared())
                .withData("measures", careGaps.versions().ids().size()).build();
    }
}
