package io.chartlens.cdshooks;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/** The container's {@link CdsClientJwtVerifier}: the registered clients, their cached keys and one replay cache. */
@ApplicationScoped
public class CdsClientAuthentication {

    @Inject
    CdsClientRegistry registry;
    @Inject
    CdsHooksSettings settings;

    private CdsClientJwtVerifier verifier;

    @PostConstruct
    void init() {
        CdsClientKeys keys = new CdsClientKeys(settings.jwksTimeoutMs());
        verifier = new CdsClientJwtVerifier(registry::byIss, keys::of,
                new JtiReplayCache(settings.replayCacheSize(), Clock.systemUTC()), Clock.systemUTC());
    }

    /**
     * @param authorization    the request's {@code Authorization} header, or null
     * @param expectedAudience the absolute URL of the endpoint called (built from {@code chartlens.base-url}, never
     *                         from the request's Host header)
     */
    public AuthenticatedCdsClient authenticate(String authorization, String expectedAudience) throws CdsHooksException {
        return verifier.verify(authorization, expectedAudience);
    }
}
