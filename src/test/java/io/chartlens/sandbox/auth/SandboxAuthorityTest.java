package io.chartlens.sandbox.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.net.URI;
import java.time.Duration;
import java.util.Date;
import org.junit.jupiter.api.Test;

class SandboxAuthorityTest {

    static final String ISSUER = "http://localhost:9080/sandbox/auth";
    static final String FHIR_BASE = "http://localhost:9080/sandbox/fhir";

    final SandboxAuthServer.MovableClock clock = new SandboxAuthServer.MovableClock();
    final SandboxAuthority authority = new SandboxAuthority(ISSUER, FHIR_BASE, Duration.ofMinutes(10), clock);

    static AuthorizationGrant grant(String patient) {
        return new AuthorizationGrant(new ClientID("chartlens-sandbox"), URI.create("http://localhost:9080/callback"),
                CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier()),
                Scope.parse("launch openid patient/Observation.rs"), "sandbox-clinician", "Dr. Casey", patient, null,
                null);
    }

    JWTClaimsSet.Builder validClaims() {
        Date now = Date.from(clock.instant());
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(FHIR_BASE).subject("u").claim("client_id", "c")
                .claim("scope", "patient/*.rs").issueTime(now).expirationTime(new Date(now.getTime() + 60_000))
                .jwtID("j");
    }

    @Test
    void issuedAccessTokenVerifiesWithItsSmartClaims() throws Exception {
        String token = authority.issueAccessToken(grant("pat-1")).getValue();
        SandboxAccessToken verified = authority.verify(token);
        assertEquals("sandbox-clinician", verified.subject());
        assertEquals("chartlens-sandbox", verified.clientId());
        assertEquals(java.util.Set.of("launch", "openid", "patient/Observation.rs"), verified.scopes());
        assertEquals("pat-1", verified.patientId().orElseThrow());
        assertEquals("Practitioner/sandbox-clinician", verified.fhirUser().orElseThrow());
        assertEquals(clock.instant().plusSeconds(600).getEpochSecond(), verified.expiresAt().getEpochSecond());
    }

    @Test
    void tokenWithoutPatientHasNoPatient() throws Exception {
        assertTrue(authority.verify(authority.issueAccessToken(grant(null)).getValue()).patientId().isEmpty());
    }

    @Test
    void expiredAccessTokenIsRejectedAfterTheClockSkew() throws Exception {
        String token = authority.issueAccessToken(grant("pat-1")).getValue();
        clock.advance(Duration.ofMinutes(10).plusSeconds(SandboxAuthority.MAX_CLOCK_SKEW_SECONDS - 5));
        authority.verify(token);
        clock.advance(Duration.ofSeconds(10));
        var e = assertThrows(InvalidSandboxTokenException.class, () -> authority.verify(token));
        assertTrue(e.getMessage().toLowerCase().contains("expired"), e.getMessage());
        assertFalse(e.getMessage().contains(token));
    }

    @Test
    void tokenSignedByAnotherKeyIsRejected() {
        SandboxAuthority other = new SandboxAuthority(ISSUER, FHIR_BASE, Duration.ofMinutes(10), clock);
        String foreign = other.issueAccessToken(grant("pat-1")).getValue();
        var e = assertThrows(InvalidSandboxTokenException.class, () -> authority.verify(foreign));
        assertFalse(e.getMessage().contains(foreign));
    }

    @Test
    void tokenForAnotherAudienceIsRejected() {
        String token = authority.sign(SandboxAuthority.ACCESS_TOKEN_TYPE,
                validClaims().audience("https://other.example/fhir").build());
        var e = assertThrows(InvalidSandboxTokenException.class, () -> authority.verify(token));
        assertTrue(e.getMessage().contains("aud"), e.getMessage());
    }

    @Test
    void tokenFromAnotherIssuerIsRejected() {
        String token = authority.sign(SandboxAuthority.ACCESS_TOKEN_TYPE, validClaims().issuer("https://x").build());
        assertThrows(InvalidSandboxTokenException.class, () -> authority.verify(token));
    }

    @Test
    void idTokenIsNotAcceptedAsAnAccessToken() {
        String idToken = authority.sign(JOSEObjectType.JWT, validClaims().build());
        assertThrows(InvalidSandboxTokenException.class, () -> authority.verify(idToken));
    }

    @Test
    void wellFormedClaimsWithTheRightTypeAreAccepted() throws Exception {
        // the control for the near-miss tests above
        authority.verify(authority.sign(SandboxAuthority.ACCESS_TOKEN_TYPE, validClaims().build()));
    }

    @Test
    void garbageIsRejectedWithAReason() {
        var e = assertThrows(InvalidSandboxTokenException.class, () -> authority.verify("not-a-jwt"));
        assertEquals("The access token is not a signed JWT", e.getMessage());
    }

    @Test
    void idTokenCarriesAnAbsoluteFhirUserAndTheNonce() throws Exception {
        var nonce = new com.nimbusds.openid.connect.sdk.Nonce();
        AuthorizationGrant g = new AuthorizationGrant(new ClientID("chartlens-sandbox"),
                URI.create("http://localhost:9080/callback"),
                CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier()), Scope.parse("openid"),
                "sandbox-clinician", "Dr. Casey", null, null, nonce);
        JWTClaimsSet claims = authority.issueIdToken(g).getJWTClaimsSet();
        assertEquals(FHIR_BASE + "/Practitioner/sandbox-clinician", claims.getStringClaim("fhirUser"));
        assertEquals(nonce.getValue(), claims.getStringClaim("nonce"));
        assertEquals(java.util.List.of("chartlens-sandbox"), claims.getAudience());
        assertEquals(ISSUER, claims.getIssuer());
    }

    @Test
    void publishedKeySetHasNoPrivateParts() {
        assertFalse(authority.publicJwkSet().getKeys().get(0).isPrivate());
        assertFalse(authority.publicJwkSet().toString(false).contains("\"d\""));
    }
}
