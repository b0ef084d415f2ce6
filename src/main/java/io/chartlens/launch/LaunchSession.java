package io.chartlens.launch;

import java.io.Serializable;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * One completed launch: the token response and its SMART launch context (SMART App Launch 2.x §2.0.8). Lives only in
 * the server-side HTTP session; templates never see it. Immutable: a refresh produces a new instance.
 *
 * @param id                 opaque id of this launch within the browser session (the {@code ctx} of URLs)
 * @param registrationId     the EHR registration
 * @param type               how the launch began
 * @param fhirBase           the FHIR server (the registration's {@code iss})
 * @param tokenEndpoint      for refresh
 * @param accessToken        bearer token for the FHIR server
 * @param refreshToken       null when none was granted
 * @param expiresAt          when the access token expires
 * @param scope              the scopes actually granted (may differ from those requested)
 * @param patientId          null when no patient is in context
 * @param encounterId        null when no encounter is in context
 * @param fhirUser           the user's FHIR resource as a relative reference (e.g. {@code Practitioner/123}), or null
 * @param userName           the user's name from the id_token, or null
 * @param needPatientBanner  false when the EHR already shows a banner
 * @param smartStyleUrl      the EHR's style sheet (JSON), or null
 * @param launchedAt         when the launch completed
 */
public record LaunchSession(String id, String registrationId, LaunchType type, String fhirBase, URI tokenEndpoint,
                            String accessToken, String refreshToken, Instant expiresAt, String scope,
                            String patientId, String encounterId, String fhirUser, String userName,
                            boolean needPatientBanner, String smartStyleUrl, Instant launchedAt)
        implements Serializable {

    public Optional<String> patient() {
        return Optional.ofNullable(patientId);
    }

    public Optional<String> encounter() {
        return Optional.ofNullable(encounterId);
    }

    public Optional<String> user() {
        return Optional.ofNullable(fhirUser);
    }

    public Optional<String> refresh() {
        return Optional.ofNullable(refreshToken);
    }

    public Optional<String> styleUrl() {
        return Optional.ofNullable(smartStyleUrl);
    }

    /** The same launch with refreshed tokens. */
    public LaunchSession withTokens(String newAccessToken, String newRefreshToken, Instant newExpiresAt, String newScope) {
        return new LaunchSession(id, registrationId, type, fhirBase, tokenEndpoint, newAccessToken,
                newRefreshToken != null ? newRefreshToken : refreshToken, newExpiresAt,
                newScope != null ? newScope : scope, patientId, encounterId, fhirUser, userName,
                needPatientBanner, smartStyleUrl, launchedAt);
    }

    @Override
    public String toString() {
        // Never print tokens.
        return "LaunchSession[" + id + ", " + registrationId + ", " + type + "]";
    }
}
