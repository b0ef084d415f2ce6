package io.chartlens.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Application-wide settings from MicroProfile Config (server variables or the environment). */
@ApplicationScoped
public class AppSettings {

    @Inject
    @ConfigProperty(name = "chartlens.base-url", defaultValue = "http://localhost:9080")
    String baseUrl;

    /** The public base URL of ChartLens, without a trailing slash. */
    public String baseUrl() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The redirect URI registered with every EHR. */
    public URI redirectUri() {
        return URI.create(baseUrl() + "/callback");
    }
}
