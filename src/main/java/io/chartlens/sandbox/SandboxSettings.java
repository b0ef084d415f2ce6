package io.chartlens.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settings of the development sandbox EHR. The sandbox is off unless {@code chartlens.sandbox.enabled=true}
 * is set explicitly (the README's run command and the integration tests do; production does not).
 */
@ApplicationScoped
public class SandboxSettings {

    @Inject
    @ConfigProperty(name = "chartlens.sandbox.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "chartlens.base-url", defaultValue = "http://localhost:9080")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "chartlens.sandbox.data-dir")
    Optional<String> dataDir;

    /** Benchmark only: replay the sandbox FHIR server's earlier answers (see SandboxResponseReplay). */
    @Inject
    @ConfigProperty(name = "chartlens.sandbox.replay-responses", defaultValue = "false")
    boolean replayResponses;

    public boolean enabled() {
        return enabled;
    }

    /** Whether the sandbox FHIR server replays earlier answers to repeated requests (benchmarks only). */
    public boolean replayResponses() {
        return replayResponses;
    }

    /** The app's own base URL without a trailing slash, for example {@code http://localhost:9080}. */
    public String baseUrl() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The sandbox FHIR base: the {@code iss} that the sandbox EHR sends to the app. */
    public String fhirBase() {
        return baseUrl() + "/sandbox/fhir";
    }

    /** The sandbox authorization server's issuer (also the id_token and access token {@code iss}). */
    public String authIssuer() {
        return baseUrl() + "/sandbox/auth";
    }

    /** An extra folder of patient bundles to load besides the built-in ones (for example ../shared/fhir-samples). */
    public Optional<Path> extraDataDir() {
        return dataDir.filter(s -> !s.isBlank()).map(Path::of);
    }
}
