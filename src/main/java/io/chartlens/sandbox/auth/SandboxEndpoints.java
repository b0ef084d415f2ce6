package io.chartlens.sandbox.auth;

import io.chartlens.sandbox.SandboxSettings;
import java.net.URI;

/**
 * The sandbox EHR's URLs as the SMART App Launch 2.x §2.0.4 discovery document names them.
 *
 * @param baseUrl the app's base URL without a trailing slash, for example {@code http://localhost:9080}
 */
public record SandboxEndpoints(String baseUrl) {

    public SandboxEndpoints {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public static SandboxEndpoints from(SandboxSettings settings) {
        return new SandboxEndpoints(settings.baseUrl());
    }

    /** The FHIR base: the {@code iss} of launches and the {@code aud} of authorization requests and tokens. */
    public String fhirBase() {
        return baseUrl + "/sandbox/fhir";
    }

    /** The authorization server's issuer (same value as {@link SandboxSettings#authIssuer()}). */
    public String issuer() {
        return baseUrl + "/sandbox/auth";
    }

    public URI authorizationEndpoint() {
        return URI.create(issuer() + "/authorize");
    }

    /** Also the {@code aud} that private_key_jwt client assertions must carry (SMART App Launch 2.x §5.2). */
    public URI tokenEndpoint() {
        return URI.create(issuer() + "/token");
    }

    public URI jwksUri() {
        return URI.create(issuer() + "/jwks");
    }

    public URI smartStyleUrl() {
        return URI.create(baseUrl + "/sandbox/smart-style.json");
    }
}
