package io.chartlens.launch;

import java.io.Serializable;
import java.net.URI;
import java.time.Instant;

/**
 * What ChartLens remembers, server-side, between sending the user to the EHR's authorize endpoint and the callback.
 * Keyed by {@code state}; used once.
 *
 * @param state          the OAuth {@code state} sent (256 random bits)
 * @param codeVerifier   the PKCE verifier (RFC 7636), never sent to the browser
 * @param nonce          the OpenID Connect nonce expected in the id_token
 * @param registrationId the EHR registration the launch belongs to
 * @param type           EHR, standalone or provider launch
 * @param tokenEndpoint  the token endpoint from discovery
 * @param issuer         the id_token issuer from discovery, or null when the EHR publishes none
 * @param jwksUri        the id_token signing keys from discovery, or null
 * @param createdAt      when the launch began
 */
public record PendingAuthorization(String state, String codeVerifier, String nonce, String registrationId,
                                   LaunchType type, URI tokenEndpoint, String issuer, URI jwksUri,
                                   Instant createdAt) implements Serializable {
}
