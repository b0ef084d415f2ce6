package io.chartlens.sandbox.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The EHR-launch contexts of the sandbox EHR (SMART App Launch 2.x §2.0.3 "launch" parameter): in memory,
 * 256-bit URL-safe launch values, valid for one hour. A launch value may be used more than once within that
 * hour, as a browser reload of the app's launch page would.
 */
@ApplicationScoped
public class SandboxLaunchContextStore implements SandboxLaunchContexts {

    static final Duration LIFETIME = Duration.ofHours(1);

    private final ExpiringValues<LaunchContext> contexts;

    public SandboxLaunchContextStore() {
        this(Clock.systemUTC());
    }

    public SandboxLaunchContextStore(Clock clock) {
        this.contexts = new ExpiringValues<>(LIFETIME, clock);
    }

    @Override
    public String register(LaunchContext context) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(context.patientId(), "patientId");
        Objects.requireNonNull(context.practitionerId(), "practitionerId");
        return contexts.put(context);
    }

    @Override
    public Optional<LaunchContext> find(String launch) {
        return contexts.find(launch);
    }
}
