package io.chartlens.sandbox.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.verifier.ClientAuthenticationVerifier;
import com.nimbusds.oauth2.sdk.auth.verifier.Context;
import com.nimbusds.oauth2.sdk.auth.verifier.InvalidClientException;
import com.nimbusds.oauth2.sdk.auth.verifier.JWTAudienceCheck;
import com.nimbusds.oauth2.sdk.client.ClientInformation;
import com.nimbusds.oauth2.sdk.id.Audience;
import java.net.URI;
import java.time.Clock;
import java.util.Set;

/**
 * Authenticates a client at the token endpoint by its registered method (SMART App Launch 2.x §5):
 * {@code client_secret_basic} (Nimbus compares secrets by SHA-256 digest, so not by early-exit string compare) or
 * {@code private_key_jwt} (RFC 7523: signature by a registered public key, iss = sub = client_id,
 * aud = the token endpoint URL, exp required and not past, jti not replayed).
 */
final class SandboxClientAuthenticator {

    private final SandboxClients clients;
    private final ClientAuthenticationVerifier<Void> verifier;

    SandboxClientAuthenticator(SandboxClients clients, URI tokenEndpoint, Clock clock) {
        this.clients = clients;
        this.verifier = new ClientAuthenticationVerifier<>(clients, Set.of(new Audience(tokenEndpoint)),
                JWTAudienceCheck.LEGACY, new ExpendedClientAssertions(clock));
    }

    /** The authenticated client; fails with a reason fit for an {@code invalid_client} error description. */
    ClientInformation authenticate(ClientAuthentication authentication) throws InvalidClientException {
        if (authentication == null) {
            throw new InvalidClientException(
                    "Client authentication is required (private_key_jwt or client_secret_basic)");
        }
        ClientInformation client = clients.find(authentication.getClientID())
                .orElseThrow(() -> InvalidClientException.BAD_ID);
        if (!authentication.getMethod().equals(client.getMetadata().getTokenEndpointAuthMethod())) {
            throw new InvalidClientException("Client is registered for "
                    + client.getMetadata().getTokenEndpointAuthMethod() + ", not " + authentication.getMethod());
        }
        try {
            verifier.verify(authentication, null, new Context<>());
        } catch (JOSEException e) {
            throw new InvalidClientException("Client assertion could not be verified: " + e.getMessage());
        }
        return client;
    }
}
