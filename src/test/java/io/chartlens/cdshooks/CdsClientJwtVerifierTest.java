package io.chartlens.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client JWT check of CDS Hooks 2.0 "Trusting CDS Clients", against a JWK Set served on loopback. */
class CdsClientJwtVerifierTest {

    private static final String ISS = "https://ehr.example.org/cds-client";
    private static final String AUD = "https://chartlens.example.org/cds-services/chartlens-patient-view";
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private static HttpServer jwks;
    private static ECKey ecKey;
    private static RSAKey rsaKey;
    private static CdsClientRegistration client;

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final CdsClientKeys keys = new CdsClientKeys(2000);
    private final CdsClientJwtVerifier verifier = new CdsClientJwtVerifier(
            iss -> ISS.equals(iss) ? Optional.of(client) : Optional.empty(), keys::of,
            new JtiReplayCache(100, clock), clock);

    @BeforeAll
    static void serveKeys() throws Exception {
        ecKey = new ECKeyGenerator(Curve.P_384).keyID("ec-1").generate();
        rsaKey = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        byte[] set = new JWKSet(List.of(ecKey.toPublicJWK(), rsaKey.toPublicJWK())).toString(true)
                .getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jwks.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, set.length);
            exchange.getResponseBody().write(set);
            exchange.close();
        });
        jwks.start();
        client = new CdsClientRegistration("test", "Test EHR", ISS, URI.create("http://127.0.0.1:"
                + jwks.getAddress().getPort() + "/jwks"), Set.of(JWSAlgorithm.ES384, JWSAlgorithm.RS384), "test-ehr",
                true);
    }

    @AfterAll
    static void stop() {
        jwks.stop(0);
    }

    @Test
    void acceptsAnEs384AndAnRs384TokenFromTheRegisteredClient() throws Exception {
        AuthenticatedCdsClient es = verifier.verify("Bearer " + es384(c -> c.claim("tenant", "org-1")), AUD);
        assertEquals("test", es.registration().id());
        assertEquals("org-1", es.tenant());
        assertEquals("cds-client:" + ISS, es.actor());
        assertEquals("test", verifier.verify("Bearer " + rs384(c -> c), AUD).registration().id());
    }

    @Test
    void acceptsAnAudienceArrayThatHoldsTheEndpoint() throws Exception {
        verifier.verify("Bearer " + es384(c -> c.audience(List.of("https://other.example.org", AUD))), AUD);
    }

    @Test
    void rejectsATokenSignedWithAnotherKey() throws Exception {
        ECKey other = new ECKeyGenerator(Curve.P_384).keyID("ec-1").generate();
        String sameKid = sign(new JWSHeader.Builder(JWSAlgorithm.ES384).keyID("ec-1").build(), claims(c -> c),
                new ECDSASigner(other));
        assertFailure(CdsFailure.BAD_SIGNATURE, "Bearer " + sameKid);
        String unknownKid = sign(new JWSHeader.Builder(JWSAlgorithm.ES384).keyID("not-registered").build(),
                claims(c -> c), new ECDSASigner(other));
        assertFailure(CdsFailure.BAD_SIGNATURE, "Bearer " + unknownKid);
    }

    @Test
    void rejectsAWrongAudience() throws Exception {
        assertFailure(CdsFailure.WRONG_AUDIENCE, "Bearer " + es384(c -> c.audience(
                "https://chartlens.example.org/cds-services")));
        assertFailure(CdsFailure.WRONG_AUDIENCE, "Bearer " + es384(c -> c.audience(AUD + "/feedback")));
    }

    @Test
    void rejectsAnExpiredOrTooLongLivedOrFutureToken() throws Exception {
        assertFailure(CdsFailure.TOKEN_EXPIRED, "Bearer " + es384(c -> c.issueTime(at(-600)).expirationTime(at(-31))));
        assertFailure(CdsFailure.TOKEN_LIFETIME_TOO_LONG, "Bearer " + es384(c -> c.expirationTime(at(3600))));
        assertFailure(CdsFailure.TOKEN_ISSUED_IN_FUTURE, "Bearer " + es384(c -> c.issueTime(at(120))));
        // within the 30 s skew
        verifier.verify("Bearer " + es384(c -> c.issueTime(at(-300)).expirationTime(at(-20))), AUD);
    }

    @Test
    void rejectsAReplayedJti() throws Exception {
        String token = es384(c -> c);
        verifier.verify("Bearer " + token, AUD);
        assertFailure(CdsFailure.TOKEN_REPLAYED, "Bearer " + token);
        String jti = SignedJWT.parse(token).getJWTClaimsSet().getJWTID();
        String sameJti = es384(c -> c.jwtID(jti));
        assertFailure(CdsFailure.TOKEN_REPLAYED, "Bearer " + sameJti);
    }

    @Test
    void rejectsAnUnknownIssuer() throws Exception {
        assertFailure(CdsFailure.UNKNOWN_CLIENT, "Bearer " + es384(c -> c.issuer("https://evil.example.org")));
    }

    @Test
    void rejectsAMissingOrNonBearerHeader() {
        assertFailure(CdsFailure.MISSING_TOKEN, null);
        assertFailure(CdsFailure.MISSING_TOKEN, "Basic dXNlcjpwYXNz");
        assertFailure(CdsFailure.MISSING_TOKEN, "Bearer ");
        assertFailure(CdsFailure.MALFORMED_TOKEN, "Bearer not-a-jwt");
    }

    @Test
    void rejectsAlgNoneAndHs256() throws Exception {
        String none = new PlainJWT(new PlainHeader(), claims(c -> c)).serialize();
        assertFailure(CdsFailure.MALFORMED_TOKEN, "Bearer " + none);
        String hs256 = sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("ec-1").build(), claims(c -> c),
                new MACSigner(new byte[32]));
        assertFailure(CdsFailure.ALGORITHM_NOT_ALLOWED, "Bearer " + hs256);
        String rs256 = sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(), claims(c -> c),
                new RSASSASigner(rsaKey));
        assertFailure(CdsFailure.ALGORITHM_NOT_ALLOWED, "Bearer " + rs256);
    }

    @Test
    void rejectsAMissingKidAForeignJkuAndMissingClaims() throws Exception {
        assertFailure(CdsFailure.MISSING_KEY_ID, "Bearer " + sign(new JWSHeader.Builder(JWSAlgorithm.ES384).build(),
                claims(c -> c), new ECDSASigner(ecKey)));
        assertFailure(CdsFailure.JKU_NOT_REGISTERED, "Bearer " + sign(new JWSHeader.Builder(JWSAlgorithm.ES384)
                .keyID("ec-1").jwkURL(URI.create("https://evil.example.org/jwks")).build(), claims(c -> c),
                new ECDSASigner(ecKey)));
        assertFailure(CdsFailure.MALFORMED_TOKEN, "Bearer " + sign(new JWSHeader.Builder(JWSAlgorithm.ES384)
                .keyID("ec-1").type(new JOSEObjectType("at+jwt")).build(), claims(c -> c), new ECDSASigner(ecKey)));
        assertFailure(CdsFailure.MISSING_CLAIM, "Bearer " + es384(c -> c.jwtID(null)));
        assertFailure(CdsFailure.MISSING_CLAIM, "Bearer " + es384(c -> c.issueTime(null)));
        assertFailure(CdsFailure.MISSING_CLAIM, "Bearer " + es384(c -> c.expirationTime(null)));
    }

    @Test
    void aKeySetThatCannotBeFetchedIsA503NotA401() throws Exception {
        CdsClientRegistration unreachable = new CdsClientRegistration("down", "Down", ISS,
                URI.create("http://127.0.0.1:1/jwks"), client.algorithms(), "test-ehr", true);
        CdsClientJwtVerifier down = new CdsClientJwtVerifier(iss -> Optional.of(unreachable), keys::of,
                new JtiReplayCache(10, clock), clock);
        CdsHooksException e = assertThrows(CdsHooksException.class, () -> down.verify("Bearer " + es384(c -> c), AUD));
        assertEquals(CdsFailure.KEYS_UNAVAILABLE, e.failure());
        assertEquals(503, e.failure().status());
    }

    private void assertFailure(CdsFailure expected, String authorization) {
        CdsHooksException e = assertThrows(CdsHooksException.class, () -> verifier.verify(authorization, AUD));
        assertEquals(expected, e.failure(), e.getMessage());
    }

    private static String es384(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return sign(new JWSHeader.Builder(JWSAlgorithm.ES384).keyID("ec-1").type(JOSEObjectType.JWT).build(),
                claims(change), new ECDSASigner(ecKey));
    }

    private static String rs384(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS384).keyID("rsa-1").build(), claims(change),
                new RSASSASigner(rsaKey));
    }

    private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        return change.apply(new JWTClaimsSet.Builder().issuer(ISS).subject("ehr-client").audience(AUD)
                .issueTime(at(0)).expirationTime(at(240)).jwtID(UUID.randomUUID().toString())).build();
    }

    private static String sign(JWSHeader header, JWTClaimsSet claims, com.nimbusds.jose.JWSSigner signer)
            throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static Date at(long secondsFromNow) {
        return Date.from(NOW.plus(Duration.ofSeconds(secondsFromNow)));
    }
}
