package io.chartlens.cdshooks;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.MalformedURLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each registered client's JWK Set, fetched from its registered {@code jwksUrl} only (never from a URL in a token)
 * with Nimbus' {@link JWKSourceBuilder}: connect and read timeouts, a 64 KiB size limit, a 5-minute cache, and
 * refreshes on an unknown {@code kid} rate-limited to one per 30 s, so that tokens with made-up key ids cannot make
 * ChartLens hammer the client's server.
 */
final class CdsClientKeys {

    static final long CACHE_TTL_MS = 5 * 60_000L;
    private static final int SIZE_LIMIT = 64 * 1024;

    private final int timeoutMs;
    private final Map<String, JWKSource<SecurityContext>> byIss = new ConcurrentHashMap<>();

    CdsClientKeys(int timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    JWKSource<SecurityContext> of(CdsClientRegistration client) {
        return byIss.computeIfAbsent(client.iss(), iss -> {
            try {
                return JWKSourceBuilder.<SecurityContext>create(client.jwksUrl().toURL(),
                                new DefaultResourceRetriever(timeoutMs, timeoutMs, SIZE_LIMIT))
                        .cache(CACHE_TTL_MS, timeoutMs)
                        .rateLimited(true)
                        .retrying(false)
                        .refreshAheadCache(false)
                        .build();
            } catch (MalformedURLException e) {
                throw new IllegalStateException("jwksUrl of CDS client " + client.id() + " is not a URL", e);
            }
        });
    }
}
