package io.chartlens.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.net.URI;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClientCredentialsTest {

    private static final ClientID CLIENT = new ClientID("chartlens");
    private static final URI TOKEN_ENDPOINT = URI.create("https://ehr.example.org/oauth2/token");
    private static RSAKey key;

    @BeforeAll
    static void generateKey() throws JOSEException {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
    }

    @Test
    void privateKeyJwtAssertionVerifiesWithThePublicKey() throws Exception {
        ClientCredentials credentials = ClientCredentials.privateKeyJwt(key, JWSAlgorithm.RS384);
        assertEquals(ClientAuthenticationMethod.PRIVATE_KEY_JWT, credentials.method());

        ClientAuthentication auth = credentials.authenticationFor(CLIENT, TOKEN_ENDPOINT);
        PrivateKeyJWT jwt = assertInstanceOf(PrivateKeyJWT.class, auth);
        SignedJWT assertion = jwt.getClientAssertion();

        assertTrue(assertion.verify(new RSASSAVerifier(key.toPublicJWK())));
        assertEquals(JWSAlgorithm.RS384, assertion.getHeader().getAlgorithm());
        assertEquals("k1", assertion.getHeader().getKeyID());
        JWTClaimsSet claims = assertion.getJWTClaimsSet();
        assertEquals("chartlens", claims.getIssuer());
        assertEquals("chartlens", claims.getSubject());
        assertEquals(List.of(TOKEN_ENDPOINT.toString()), claims.getAudience());
        assertNotNull(claims.getJWTID());
        assertTrue(claims.getExpirationTime().after(new Date()));
        assertEquals(CLIENT, jwt.getClientID());
    }

    @Test
    void assertionDoesNotVerifyWithAnotherKey() throws Exception {
        RSAKey other = new RSAKeyGenerator(2048).generate();
        SignedJWT assertion = ((PrivateKeyJWT) ClientCredentials.privateKeyJwt(key, JWSAlgorithm.RS256)
                .authenticationFor(CLIENT, TOKEN_ENDPOINT)).getClientAssertion();
        assertFalse(assertion.verify(new RSASSAVerifier(other.toPublicJWK())));
    }

    @Test
    void eachAuthenticationHasAFreshJti() throws Exception {
        ClientCredentials credentials = ClientCredentials.privateKeyJwt(key, JWSAlgorithm.RS384);
        SignedJWT first = ((PrivateKeyJWT) credentials.authenticationFor(CLIENT, TOKEN_ENDPOINT)).getClientAssertion();
        SignedJWT second = ((PrivateKeyJWT) credentials.authenticationFor(CLIENT, TOKEN_ENDPOINT)).getClientAssertion();
        assertNotEquals(first.getJWTClaimsSet().getJWTID(), second.getJWTClaimsSet().getJWTID());
        assertNotEquals(first.serialize(), second.serialize());
    }

    @Test
    void publicOnlyJwkIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClientCredentials.privateKeyJwt(key.toPublicJWK(), JWSAlgorithm.RS384));
        assertEquals("private_key_jwt needs a private RSA or EC JWK", e.getMessage());
    }

    @Test
    void symmetricJwkIsRejected() throws JOSEException {
        var secretKey = new OctetSequenceKeyGenerator(256).generate();
        assertThrows(IllegalArgumentException.class, () -> ClientCredentials.privateKeyJwt(secretKey, JWSAlgorithm.HS256));
    }

    @Test
    void clientSecretBasicProducesBasicAuthentication() throws JOSEException {
        ClientCredentials credentials = ClientCredentials.clientSecretBasic(new Secret("s3cr3t-value"));
        assertEquals(ClientAuthenticationMethod.CLIENT_SECRET_BASIC, credentials.method());
        ClientSecretBasic basic = assertInstanceOf(ClientSecretBasic.class,
                credentials.authenticationFor(CLIENT, TOKEN_ENDPOINT));
        assertEquals(CLIENT, basic.getClientID());
        assertEquals("s3cr3t-value", basic.getClientSecret().getValue());
    }

    @Test
    void toStringNeverShowsTheSecret() {
        String text = ClientCredentials.clientSecretBasic(new Secret("s3cr3t-value")).toString();
        assertEquals("ClientCredentials[client_secret_basic]", text);
        assertFalse(text.contains("s3cr3t-value"));
    }

    @Test
    void toStringNeverShowsThePrivateKey() {
        String text = ClientCredentials.privateKeyJwt(key, JWSAlgorithm.RS384).toString();
        assertEquals("ClientCredentials[private_key_jwt]", text);
        assertFalse(text.contains(key.getPrivateExponent().toString()));
    }
}
