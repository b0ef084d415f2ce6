package io.chartlens.system;

import io.chartlens.launch.EhrRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when every EHR registration loaded; a broken registration is a deployment error, not a quiet skip. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Inject
    EhrRegistry registry;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("ehr-registrations")
                .status(registry.problems().isEmpty() && !registry.all().isEmpty())
                .withData("registered", registry.all().size())
                .withData("problems", String.join("; ", registry.problems()))
                .build();
    }
}
