package io.chartlens.sandbox;

import static io.chartlens.testsupport.Browserless.attributeOf;
import static io.chartlens.testsupport.Browserless.location;
import static io.chartlens.testsupport.Browserless.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import io.chartlens.testsupport.Browserless;
import io.chartlens.testsupport.Deployments;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sandbox EHR as a third-party SMART client sees it, deployed in Liberty: a real authorization-code flow with the
 * client_secret_basic development client, then the FHIR server's patient compartment and token checks.
 */
@ExtendWith(ArquillianExtension.class)
class SandboxEhrIT {

    private static final String BASE = Deployments.baseUrl();
    private static final String AMY = "907";
    private static final String TREY = "f46d1649-8a02-4de8-8cff-f76fae267d3a";
    private static final ClientID CLIENT = new ClientID("chartlens-sandbox-basic");
    private static final Secret SECRET =
            new Secret("well-known-development-secret-chartlens-sandbox-basic-NOT-FOR-PRODUCTION");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.chartlens();
    }

    @Test
    void aTokenForOnePatientCannotReadAnother() throws Exception {
        AccessTokenResponse tokens = launchFor(AMY);
        assertEquals(AMY, tokens.getCustomParameters().get("patient"));
        String token = tokens.getTokens().getAccessToken().getValue();

        assertEquals(200, fhirGet("/Patient/" + AMY, token).statusCode());
        assertEquals(200, fhirGet("/Encounter?patient=" + AMY, token).statusCode());
        HttpResponse<String> other = fhirGet("/Patient/" + TREY, token);
        assertEquals(403, other.statusCode(), other.body());
        assertTrue(other.body().contains("OperationOutcome"));
        assertEquals(403, fhirGet("/Observation?patient=" + TREY, token).statusCode());
        assertEquals(401, fhirGet("/Patient/" + AMY, null).statusCode());
        assertEquals(401, fhirGet("/Patient/" + AMY, token + "tampered").statusCode());
    }

    @Test
    void unknownSearchParametersAreAnErrorNotSilence() throws Exception {
        String token = launchFor(AMY).getTokens().getAccessToken().getValue();
        HttpResponse<String> response = fhirGet("/Observation?patient=" + AMY + "&colour=blue", token);
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("OperationOutcome"));
    }

    @Test
    void metadataIsOpenAndAdvertisesSmartEndpoints() throws Exception {
        HttpResponse<String> response = fhirGet("/metadata", null);
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("oauth-uris"), response.body());
        assertTrue(response.body().contains(BASE + "/sandbox/auth/token"));
    }

    @Test
    void refreshTokensRotate() throws Exception {
        RefreshToken first = launchFor(AMY).getTokens().getRefreshToken();
        TokenResponse refreshed = TokenResponse.parse(new TokenRequest(URI.create(BASE + "/sandbox/auth/token"),
                new ClientSecretBasic(CLIENT, SECRET), new RefreshTokenGrant(first)).toHTTPRequest().send());
        assertTrue(refreshed.indicatesSuccess());
        TokenResponse reused = TokenResponse.parse(new TokenRequest(URI.create(BASE + "/sandbox/auth/token"),
                new ClientSecretBasic(CLIENT, SECRET), new RefreshTokenGrant(first)).toHTTPRequest().send());
        assertFalse(reused.indicatesSuccess(), "a used refresh token is rejected");
        assertEquals("invalid_grant", reused.toErrorResponse().getErrorObject().getCode());
    }

    /** An EHR launch for {@code patientId} by a client other than ChartLens, up to the token response. */
    private static AccessTokenResponse launchFor(String patientId) throws Exception {
        Browserless browser = new Browserless();
        String frame = attributeOf(browser.get(BASE + "/sandbox/launch?patient=" + patientId).body(),
                "chartlens-frame", "src");
        String launch = query(BASE + frame).get("launch");
        CodeVerifier verifier = new CodeVerifier();
        URI redirect = URI.create(BASE + "/callback");
        URI authorize = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), CLIENT)
                .endpointURI(URI.create(BASE + "/sandbox/auth/authorize"))
                .redirectionURI(redirect)
                .scope(Scope.parse("launch offline_access patient/*.rs"))
                .state(new State())
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .customParameter("aud", BASE + "/sandbox/fhir")
                .customParameter("launch", launch)
                .build().toURI();
        HttpResponse<String> toCallback = browser.get(authorize.toString());
        assertEquals(302, toCallback.statusCode(), toCallback.body());
        String code = query(location(toCallback)).get("code");
        TokenResponse response = TokenResponse.parse(new TokenRequest(URI.create(BASE + "/sandbox/auth/token"),
                new ClientSecretBasic(CLIENT, SECRET),
                new AuthorizationCodeGrant(new AuthorizationCode(code), redirect, verifier)).toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        return response.toSuccessResponse();
    }

    private static HttpResponse<String> fhirGet(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + "/sandbox/fhir" + path))
                .header("Accept", "application/fhir+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
