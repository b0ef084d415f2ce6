package io.chartlens.cdshooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of the CDS Hooks service (MicroProfile Config: server variables or the environment). */
@ApplicationScoped
public class CdsHooksSettings {

    @Inject
    @ConfigProperty(name = "chartlens.cds-hooks.max-request-bytes", defaultValue = "33554432")
    int maxRequestBytes;

    @Inject
    @ConfigProperty(name = "chartlens.cds-hooks.jwks-timeout-ms", defaultValue = "3000")
    int jwksTimeoutMs;

    @Inject
    @ConfigProperty(name = "chartlens.cds-hooks.replay-cache-size", defaultValue = "100000")
    int replayCacheSize;

    /** The largest request body read (32 MiB by default: a long record prefetched in full is several MiB). */
    public int maxRequestBytes() {
        return maxRequestBytes;
    }

    /** Connect and read timeout for fetching a client's JWK Set. */
    public int jwksTimeoutMs() {
        return jwksTimeoutMs;
    }

    /** How many JWT ids are remembered at most (see {@link JtiReplayCache}). */
    public int replayCacheSize() {
        return replayCacheSize;
    }
}
