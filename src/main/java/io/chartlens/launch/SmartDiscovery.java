package io.chartlens.launch;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches {@code {iss}/.well-known/smart-configuration} (SMART App Launch 2.x §2.0.7) for registered EHRs only, and
 * caches it for a short while. Callers must have checked the allow-list first; this class never sees other hosts.
 */
@ApplicationScoped
public class SmartDiscovery {

    static final Duration CACHE_FOR = Duration.ofMinutes(10);
    static final int TIMEOUT_MS = 5_000;

    private record Cached(SmartConfiguration configuration, Instant fetchedAt) {}

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    public SmartConfiguration discover(EhrRegistration registration) throws LaunchException {
        Cached cached = cache.get(registration.iss());
        if (cached != null && cached.fetchedAt().plus(CACHE_FOR).isAfter(clock.instant())) {
            return cached.configuration();
        }
        SmartConfiguration fresh = fetch(registration.iss());
        cache.put(registration.iss(), new Cached(fresh, clock.instant()));
        return fresh;
    }

    static SmartConfiguration fetch(String iss) throws LaunchException {
        URI uri = URI.create(iss + "/.well-known/smart-configuration");
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, uri);
        request.setAccept("application/json");
        request.setConnectTimeout(TIMEOUT_MS);
        request.setReadTimeout(TIMEOUT_MS);
        request.setFollowRedirects(false);
        try {
            HTTPResponse response = request.send();
            if (response.getStatusCode() != 200) {
                throw new LaunchException(LaunchFailure.DISCOVERY_FAILED,
                        "smart-configuration returned HTTP " + response.getStatusCode());
            }
            return SmartConfiguration.parse(response.getContent());
        } catch (IOException e) {
            throw new LaunchException(LaunchFailure.DISCOVERY_FAILED, "smart-configuration unreachable: "
                    + e.getClass().getSimpleName(), e);
        } catch (ParseException e) {
            throw new LaunchException(LaunchFailure.DISCOVERY_FAILED, "smart-configuration invalid: " + e.getMessage(), e);
        }
    }
}
