package io.chartlens.cdshooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when every CDS client registration loaded. No registration at all is ready too: the CDS Hooks service then
 * refuses every call (401), which is the safe default for a deployment that does not use it.
 */
@Readiness
@ApplicationScoped
public class CdsClientsReadiness implements HealthCheck {

    @Inject
    CdsClientRegistry registry;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("cds-clients")
                .status(registry.problems().isEmpty())
                .withData("registered", registry.all().size())
                .withData("problems", String.join("; ", registry.problems()))
                .build();
    }
}
