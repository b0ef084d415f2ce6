package io.chartlens.sandbox.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.nimbusds.jwt.JWT;
import io.chartlens.sandbox.auth.SandboxLaunchContexts.LaunchContext;
import java.net.URI;
import java.time.Duration;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenServletTest {

    static final Scope EHR_SCOPES = Scope.parse("launch openid fhirUser offline_access patient/*.rs user/Practitioner.read");

    SandboxAuthServer server;
    SmartApp app;

    @BeforeEach
    void start() throws Exception {
        server = new SandboxAuthServer();
        app = new SmartApp(server);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    AuthorizationCode ehrLaunchCode(java.util.function.Function<String, URI> request) throws Exception {
        String launch = server.launches.register(new LaunchContext("pat-1", "enc-9", "sandbox-clinician"));
        return app.code(request.apply(launch));
    }

    AuthorizationCode ehrLaunchCode(com.nimbusds.oauth2.sdk.id.ClientID client) throws Exception {
        return ehrLaunchCode(launch -> app.openIdRequest(client, EHR_SCOPES, launch));
    }

    static ErrorObject error(HTTPResponse response) throws Exception {
        TokenErrorResponse error = TokenErrorResponse.parse(response);
        return error.getErrorObject();
    }

    @Test
    void ehrLaunchWithPrivateKeyJwtReturnsSmartContextAndTokensThatVerify() throws Exception {
        AuthorizationCode code = ehrLaunchCode(SandboxAuthServer.PRIVATE_KEY_CLIENT);

        HTTPResponse http = app.exchange(app.privateKeyJwt(), code, app.verifier);

        assertEquals(200, http.getStatusCode(), http.getBody());
        assertEquals("no-store", http.getHeaderValue("Cache-Control"));
        assertTrue(http.getHeaderValue("Content-Type").startsWith("application/json"));
        OIDCTokenResponse tokens = (OIDCTokenResponse) OIDCTokenResponseParser.parse(http);
        var params = tokens.getCustomParameters();
        assertEquals("pat-1", params.get("patient"));
        assertEquals("enc-9", params.get("encounter"));
        assertEquals(true, params.get("need_patient_banner"));
        assertEquals(server.endpoints.baseUrl() + "/sandbox/smart-style.json", params.get("smart_style_url"));
        assertEquals("Bearer", tokens.getTokens().getAccessToken().getType().getValue());
        assertEquals(3600, tokens.getTokens().getAccessToken().getLifetime());
        assertEquals(EHR_SCOPES, tokens.getTokens().getAccessToken().getScope());
        assertNotNull(tokens.getTokens().getRefreshToken(), "offline_access was granted");

        SandboxAccessToken verified = server.authority.verify(tokens.getTokens().getAccessToken().getValue());
        assertEquals("sandbox-clinician", verified.subject());
        assertEquals("chartlens-sandbox", verified.clientId());
        assertEquals("pat-1", verified.patientId().orElseThrow());
        assertEquals("Practitioner/sandbox-clinician", verified.fhirUser().orElseThrow());
        assertTrue(verified.scopes().contains("patient/*.rs"));

        JWT idToken = tokens.getOIDCTokens().getIDToken();
        IDTokenValidator validator = new IDTokenValidator(server.authority.issuer(), SandboxAuthServer.PRIVATE_KEY_CLIENT,
                JWSAlgorithm.RS256, server.url("/sandbox/auth/jwks").toURL());
        var claims = validator.validate(idToken, app.nonce);
        assertEquals(server.endpoints.fhirBase() + "/Practitioner/sandbox-clinician",
                claims.getStringClaim("fhirUser"));
        assertEquals("Dr. Casey Clinician", claims.getStringClaim("name"));
    }

    @Test
    void idTokenWithAnotherNonceFailsValidation() throws Exception {
        HTTPResponse http = app.exchange(app.privateKeyJwt(), ehrLaunchCode(SandboxAuthServer.PRIVATE_KEY_CLIENT),
                app.verifier);
        JWT idToken = ((OIDCTokenResponse) OIDCTokenResponseParser.parse(http)).getOIDCTokens().getIDToken();
        IDTokenValidator validator = new IDTokenValidator(server.authority.issuer(), SandboxAuthServer.PRIVATE_KEY_CLIENT,
                JWSAlgorithm.RS256, server.url("/sandbox/auth/jwks").toURL());
        org.junit.jupiter.api.Assertions.assertThrows(com.nimbusds.jose.proc.BadJOSEException.class,
                () -> validator.validate(idToken, new com.nimbusds.openid.connect.sdk.Nonce()));
    }

    @Test
    void withoutOpenidOrOfflineAccessThereIsNoIdTokenNorRefreshToken() throws Exception {
        AuthorizationCode code = ehrLaunchCode(launch -> app.request(SandboxAuthServer.PRIVATE_KEY_CLIENT,
                Scope.parse("launch patient/*.rs"), launch, server.endpoints.fhirBase()).build().toURI());
        HTTPResponse http = app.exchange(app.privateKeyJwt(), code, app.verifier);
        AccessTokenResponse tokens = AccessTokenResponse.parse(http);
        assertNull(tokens.getTokens().getRefreshToken());
        assertFalse(tokens.toJSONObject().containsKey("id_token"));
    }

    @Test
    void wrongPkceVerifierIsInvalidGrant() throws Exception {
        HTTPResponse http = app.exchange(app.privateKeyJwt(), ehrLaunchCode(SandboxAuthServer.PRIVATE_KEY_CLIENT),
                new CodeVerifier());
        assertEquals(400, http.getStatusCode());
        assertEquals("invalid_grant", error(http).getCode());
    }

    @Test
    void secondUseOfACodeIsInvalidGrant() throws Exception {
        AuthorizationCode code = ehrLaunchCode(SandboxAuthServer.PRIVATE_KEY_CLIENT);
        assertEquals(200, app.exchange(app.privateKeyJwt(), code, app.verifier).getStatusCode());

        HTTPResponse again = app.exchange(app.privateKeyJwt(), code, app.verifier);
        assertEquals(400, again.getStatusCode());
        assertEquals("invalid_grant", error(again).getCode());
    }

    @Test
    void codeOlderThan120SecondsIsInvalidGrant() throws Exception {
        AuthorizationCode code = ehrLaunchCode(SandboxAuthServer.PRIVATE_KEY_CLIENT);
        server.clock.advance(Duration.ofSeconds(121));
        assertEquals("invalid_grant", error(app.exchange(app.privateKeyJwt(), code, app.verifier)).getCode());
    }

    @Test
    void codeIssuedToAnotherClientIsInvalidGrant() throws Exception {
        AuthorizationCode code = ehrLaunchCode(SandboxAuthServer.SECRET_CLIENT);
        assertEquals("invalid_grant", error(app.exchange(app.privateKeyJwt(), code, app.verifier)).getCode());
    }

    @Test
    void clientSecretBasicWithTheRegisteredSecretGetsTokens() throws Exception {
        HTTPResponse http = app.exchange(app.secretBasic(), ehrLaunchCode(SandboxAuthServer.SECRET_CLIENT), app.verifier);
        assertEquals(200, http.getStatusCode(), http.getBody());
    }

    @Test
    void clientSecretBasicWithAWrongSecretIsInvalidClient() throws Exception {
        AuthorizationCode code = ehrLaunchCode(SandboxAuthServer.SECRET_CLIENT);
        HTTPResponse http = app.exchange(new ClientSecretBasic(SandboxAuthServer.SECRET_CLIENT,
                new Secret("not-the-secret")), code, app.verifier);
        assertEquals(401, http.getStatusCode());
        assertEquals("invalid_client", error(http).getCode());
    }

    @Test
    void privateKeyJwtClientUsingClientSecretBasicIsInvalidClient() throws Exception {
        AuthorizationCode code = ehrLaunchCode(SandboxAuthServer.PRIVATE_KEY_CLIENT);
        HTTPResponse http = app.exchange(new ClientSecretBasic(SandboxAuthServer.PRIVATE_KEY_CLIENT,
                server.basicClientSecret()), code, app.verifier);
        assertEquals("invalid_client", error(http).getCode());
    }

    @Test
    void clientAssertionSignedWithAnUnregisteredKeyIsInvalidClient() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("chartlens-sandbox-dev-2026").generate();
        ClientAuthentication auth = new PrivateKeyJWT(SandboxAuthServer.PRIVATE_KEY_CLIENT,
                server.endpoints.tokenEndpoint(), JWSAlgorithm.RS384, stranger.toPrivateKey(), stranger.getKeyID(), null);
        HTTPResponse http = app.exchange(auth, ehrLaunchCode(SandboxAuthServer.PRIVATE_KEY_CLIENT), app.verifier);
        assertEquals(401, http.getStatusCode());
        assertEquals("invalid_client", error(http).getCode());
    }

    @Test
    void clientAssertionForAnotherAudienceIsInvalidClient() throws Exception {
        HTTPResponse http = app.exchange(app.privateKeyJwt(URI.create("https://ehr.example.org/token")),
                ehrLaunchCode(SandboxAuthServer.PRIVATE_KEY_CLIENT), app.verifier);
        assertEquals("invalid_client", error(http).getCode());
    }

    @Test
    void replayedClientAssertionIsInvalidClient() throws Exception {
        ClientAuthentication once = app.privateKeyJwt();
        assertEquals(200, app.exchange(once, ehrLaunchCode(SandboxAuthServer.PRIVATE_KEY_CLIENT), app.verifier)
                .getStatusCode());

        HTTPResponse replay = app.exchange(once, ehrLaunchCode(SandboxAuthServer.PRIVATE_KEY_CLIENT), app.verifier);
        assertEquals(401, replay.getStatusCode());
        assertEquals("invalid_client", error(replay).getCode());
    }

    @Test
    void expiredClientAssertionIsInvalidClient() throws Exception {
        RSAKey key = SandboxAuthServer.clientPrivateKey();
        Date past = new Date(System.currentTimeMillis() - 600_000);
        JWTAuthenticationClaimsSet claims = new JWTAuthenticationClaimsSet(SandboxAuthServer.PRIVATE_KEY_CLIENT,
                new Audience(server.endpoints.tokenEndpoint()).toSingleAudienceList(), past, null, past,
                new com.nimbusds.oauth2.sdk.id.JWTID());
        ClientAuthentication auth = new PrivateKeyJWT(claims, JWSAlgorithm.RS384, key.toPrivateKey(), key.getKeyID(),
                null);
        HTTPResponse http = app.exchange(auth, ehrLaunchCode(SandboxAuthServer.PRIVATE_KEY_CLIENT), app.verifier);
        assertEquals("invalid_client", error(http).getCode());
    }

    @Test
    void refreshRotatesTheRefreshTokenAndRejectsTheOldOne() throws Exception {
        HTTPResponse first = app.exchange(app.privateKeyJwt(), ehrLaunchCode(SandboxAuthServer.PRIVATE_KEY_CLIENT),
                app.verifier);
        RefreshToken original = AccessTokenResponse.parse(first).getTokens().getRefreshToken();

        HTTPResponse refreshed = app.token(app.privateKeyJwt(), new RefreshTokenGrant(original));
        assertEquals(200, refreshed.getStatusCode(), refreshed.getBody());
        AccessTokenResponse tokens = AccessTokenResponse.parse(refreshed);
        RefreshToken rotated = tokens.getTokens().getRefreshToken();
        assertNotNull(rotated);
        assertNotEquals(original, rotated);
        assertEquals(EHR_SCOPES, tokens.getTokens().getAccessToken().getScope());
        assertEquals("pat-1", tokens.getCustomParameters().get("patient"));

        HTTPResponse reuse = app.token(app.privateKeyJwt(), new RefreshTokenGrant(original));
        assertEquals(400, reuse.getStatusCode());
        assertEquals("invalid_grant", error(reuse).getCode());
        assertEquals(200, app.token(app.privateKeyJwt(), new RefreshTokenGrant(rotated)).getStatusCode());
    }

    @Test
    void refreshMayNarrowButNotWidenTheScopes() throws Exception {
        HTTPResponse first = app.exchange(app.privateKeyJwt(), ehrLaunchCode(SandboxAuthServer.PRIVATE_KEY_CLIENT),
                app.verifier);
        RefreshToken refresh = AccessTokenResponse.parse(first).getTokens().getRefreshToken();

        HTTPResponse wider = new TokenRequest(server.endpoints.tokenEndpoint(), app.privateKeyJwt(),
                new RefreshTokenGrant(refresh), Scope.parse("patient/*.rs patient/*.cud")).toHTTPRequest().send();
        assertEquals("invalid_scope", error(wider).getCode());

        HTTPResponse narrower = new TokenRequest(server.endpoints.tokenEndpoint(), app.privateKeyJwt(),
                new RefreshTokenGrant(refresh), Scope.parse("patient/*.rs")).toHTTPRequest().send();
        assertEquals(Scope.parse("patient/*.rs"),
                AccessTokenResponse.parse(narrower).getTokens().getAccessToken().getScope());
    }

    @Test
    void refreshTokenOfAnotherClientIsInvalidGrant() throws Exception {
        HTTPResponse first = app.exchange(app.privateKeyJwt(), ehrLaunchCode(SandboxAuthServer.PRIVATE_KEY_CLIENT),
                app.verifier);
        RefreshToken refresh = AccessTokenResponse.parse(first).getTokens().getRefreshToken();
        assertEquals("invalid_grant", error(app.token(app.secretBasic(), new RefreshTokenGrant(refresh))).getCode());
        assertEquals(200, app.token(app.privateKeyJwt(), new RefreshTokenGrant(refresh)).getStatusCode(),
                "a wrong client must not burn the owner's refresh token");
    }

    @Test
    void clientCredentialsGrantIsUnsupported() throws Exception {
        HTTPResponse http = app.token(app.secretBasic(), new ClientCredentialsGrant());
        assertEquals(400, http.getStatusCode());
        assertEquals("unsupported_grant_type", error(http).getCode());
    }

    @Test
    void requestWithoutClientAuthenticationIsRejected() throws Exception {
        AuthorizationCode code = ehrLaunchCode(SandboxAuthServer.PRIVATE_KEY_CLIENT);
        HTTPResponse http = new TokenRequest(server.endpoints.tokenEndpoint(), SandboxAuthServer.PRIVATE_KEY_CLIENT,
                new com.nimbusds.oauth2.sdk.AuthorizationCodeGrant(code, server.redirectUri, app.verifier))
                .toHTTPRequest().send();
        assertEquals(401, http.getStatusCode(), http.getBody());
        assertEquals("invalid_client", error(http).getCode());
    }
}
