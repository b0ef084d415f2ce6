package io.chartlens.sandbox.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A verified access token of the sandbox authorization server, as the sandbox FHIR server sees it.
 *
 * @param subject   the user the token was issued to (never null)
 * @param clientId  the client the token was issued to (never null)
 * @param scopes    the granted SMART scopes, for example {@code patient/Observation.rs} (never null)
 * @param patientId the patient in context, if the token was issued with one
 * @param fhirUser  the user's FHIR resource, for example {@code Practitioner/123}, if any
 * @param expiresAt the expiry instant (never null)
 */
public record SandboxAccessToken(String subject, String clientId, Set<String> scopes,
                                 Optional<String> patientId, Optional<String> fhirUser, Instant expiresAt) {
    public SandboxAccessToken {
        scopes = Set.copyOf(scopes);
    }
}
