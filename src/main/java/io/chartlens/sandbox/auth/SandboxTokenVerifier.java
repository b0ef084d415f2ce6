package io.chartlens.sandbox.auth;

/** Verifies bearer tokens presented to the sandbox FHIR server (signature, issuer, audience, expiry). */
public interface SandboxTokenVerifier {

    /**
     * @param bearerToken the raw token from the {@code Authorization: Bearer} header, not null
     * @return the verified token
     * @throws InvalidSandboxTokenException with a reason when the token is not acceptable
     */
    SandboxAccessToken verify(String bearerToken) throws InvalidSandboxTokenException;
}
