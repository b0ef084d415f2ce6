package io.chartlens.summary;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import io.chartlens.launch.EhrRegistration;
import io.chartlens.launch.LaunchSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Fetches a launch's {@code smart_style_url}, server-side, only from the EHR's own origin (the registration's
 * {@code iss} host), with short timeouts and a 10-minute cache. A style that cannot be had leaves ChartLens's own
 * look: styling is courtesy, never a reason to fail the page.
 */
@ApplicationScoped
public class SmartStyles {

    private static final Logger LOG = Logger.getLogger(SmartStyles.class.getName());
    static final Duration CACHE_FOR = Duration.ofMinutes(10);

    private record Cached(SmartStyle style, Instant at) {
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public Optional<SmartStyle> forLaunch(LaunchSession launch, EhrRegistration registration) {
        Optional<URI> url = launch.styleUrl().flatMap(u -> allowed(u, registration));
        if (url.isEmpty()) {
            return Optional.empty();
        }
        Cached cached = cache.get(url.get().toString());
        if (cached != null && cached.at().plus(CACHE_FOR).isAfter(Instant.now())) {
            return Optional.of(cached.style());
        }
        try {
            HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, url.get());
            request.setConnectTimeout(3_000);
            request.setReadTimeout(3_000);
            request.setFollowRedirects(false);
            HTTPResponse response = request.send();
            if (response.getStatusCode() != 200) {
                LOG.info("smart_style_url answered HTTP " + response.getStatusCode() + "; using the default look");
                return Optional.empty();
            }
            SmartStyle style = SmartStyle.parse(response.getContent());
            if (cache.size() > 200) {
                cache.clear();
            }
            cache.put(url.get().toString(), new Cached(style, Instant.now()));
            return Optional.of(style);
        } catch (IOException | ParseException e) {
            LOG.info("smart_style_url not usable (" + e.getClass().getSimpleName() + "); using the default look");
            return Optional.empty();
        }
    }

    /** Only the EHR's own origin, and https unless the registration is the development sandbox. */
    static Optional<URI> allowed(String url, EhrRegistration registration) {
        try {
            URI style = URI.create(url);
            URI iss = URI.create(registration.iss());
            boolean sameOrigin = style.getScheme() != null && style.getScheme().equals(iss.getScheme())
                    && style.getHost() != null && style.getHost().equals(iss.getHost()) && style.getPort() == iss.getPort();
            boolean secure = "https".equals(style.getScheme()) || registration.developmentOnly();
            return sameOrigin && secure ? Optional.of(style) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
