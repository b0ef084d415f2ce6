package io.chartlens.cdshooks;

/**
 * The {@code fhirAuthorization} of a CDS Hooks 2.0 request (FHIR Resource Access): a bearer token the CDS client
 * issued to this service for this call. Used once, for the call's own FHIR reads, then dropped; never stored or
 * logged ({@link #toString()} leaves it out).
 *
 * @param accessToken the OAuth 2.0 access token
 * @param expiresIn   its lifetime in seconds
 * @param scope       the SMART scopes granted
 * @param subject     the service's client id at the CDS client's authorization server
 */
public record FhirAuthorization(String accessToken, long expiresIn, String scope, String subject) {

    @Override
    public String toString() {
        return "FhirAuthorization[scope=" + scope + ", subject=" + subject + ", expiresIn=" + expiresIn + "]";
    }
}
