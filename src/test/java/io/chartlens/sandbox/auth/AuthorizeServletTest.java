package io.chartlens.sandbox.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import io.chartlens.sandbox.auth.SandboxLaunchContexts.LaunchContext;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthorizeServletTest {

    static final ClientID CLIENT = SandboxAuthServer.PRIVATE_KEY_CLIENT;
    static final Scope STANDALONE = Scope.parse("launch/patient openid fhirUser patient/*.rs");

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

    AuthorizationErrorResponse errorIn(HttpResponse<String> response) throws Exception {
        AuthorizationResponse parsed = SmartApp.redirectIn(response);
        assertFalse(parsed.indicatesSuccess(), "expected an error redirect");
        assertTrue(parsed.getRedirectionURI().toString().startsWith(server.redirectUri.toString()));
        assertEquals(app.state, parsed.getState(), "state is echoed");
        return parsed.toErrorResponse();
    }

    String launch() {
        return server.launches.register(new LaunchContext("pat-1", null, "sandbox-hospitalist"));
    }

    @Test
    void ehrLaunchRedirectsWithACodeAndTheState() throws Exception {
        AuthorizationResponse response = SmartApp.redirectIn(app.get(app.openIdRequest(CLIENT,
                Scope.parse("launch openid"), launch())));
        assertTrue(response.indicatesSuccess());
        assertEquals(app.state, response.getState());
        assertTrue(((AuthorizationSuccessResponse) response).getAuthorizationCode().getValue().length() >= 22);
    }

    @Test
    void unregisteredRedirectUriGetsA400PageAndNoRedirect() throws Exception {
        URI request = app.request(CLIENT, Scope.parse("launch"), launch(), server.endpoints.fhirBase())
                .redirectionURI(URI.create("https://attacker.example/callback")).build().toURI();
        HttpResponse<String> response = app.get(request);
        assertEquals(400, response.statusCode());
        assertTrue(response.headers().firstValue("Location").isEmpty());
        assertTrue(response.body().contains("redirect_uri"), response.body());
        assertFalse(response.body().contains("attacker.example"));
    }

    @Test
    void unknownClientGetsA400PageAndNoRedirect() throws Exception {
        HttpResponse<String> response = app.get(app.request(new ClientID("stranger"), Scope.parse("launch"), launch(),
                server.endpoints.fhirBase()).build().toURI());
        assertEquals(400, response.statusCode());
        assertTrue(response.headers().firstValue("Location").isEmpty());
        assertTrue(response.body().contains("<h1>"));
    }

    @Test
    void wrongAudRedirectsWithInvalidRequest() throws Exception {
        AuthorizationErrorResponse error = errorIn(app.get(app.request(CLIENT, Scope.parse("launch"), launch(),
                "https://other-ehr.example/fhir").build().toURI()));
        assertEquals("invalid_request", error.getErrorObject().getCode());
        assertTrue(error.getErrorObject().getDescription().contains("aud"));
    }

    @Test
    void missingAudRedirectsWithInvalidRequest() throws Exception {
        AuthorizationErrorResponse error = errorIn(app.get(app.request(CLIENT, Scope.parse("launch"), launch(), null)
                .build().toURI()));
        assertEquals("invalid_request", error.getErrorObject().getCode());
    }

    @Test
    void missingCodeChallengeRedirectsWithInvalidRequest() throws Exception {
        URI request = app.request(CLIENT, Scope.parse("launch"), launch(), server.endpoints.fhirBase())
                .codeChallenge((com.nimbusds.oauth2.sdk.pkce.CodeVerifier) null, null).build().toURI();
        AuthorizationErrorResponse error = errorIn(app.get(request));
        assertEquals("invalid_request", error.getErrorObject().getCode());
        assertTrue(error.getErrorObject().getDescription().contains("PKCE"));
    }

    @Test
    void plainCodeChallengeMethodRedirectsWithInvalidRequest() throws Exception {
        URI request = app.request(CLIENT, Scope.parse("launch"), launch(), server.endpoints.fhirBase())
                .codeChallenge(app.verifier, CodeChallengeMethod.PLAIN).build().toURI();
        assertEquals("invalid_request", errorIn(app.get(request)).getErrorObject().getCode());
    }

    @Test
    void unknownLaunchRedirectsWithLaunchExpired() throws Exception {
        AuthorizationErrorResponse error = errorIn(app.get(app.request(CLIENT, Scope.parse("launch"), "no-such-launch",
                server.endpoints.fhirBase()).build().toURI()));
        assertEquals("invalid_request", error.getErrorObject().getCode());
        assertTrue(error.getErrorObject().getDescription().contains("launch expired"));
    }

    @Test
    void launchOlderThanAnHourRedirectsWithLaunchExpired() throws Exception {
        String launch = launch();
        server.clock.advance(Duration.ofMinutes(61));
        AuthorizationErrorResponse error = errorIn(app.get(app.request(CLIENT, Scope.parse("launch"), launch,
                server.endpoints.fhirBase()).build().toURI()));
        assertTrue(error.getErrorObject().getDescription().contains("launch expired"));
    }

    @Test
    void standaloneLaunchShowsAnAccessiblePickerThenIssuesACodeForTheChosenUserAndPatient() throws Exception {
        HttpResponse<String> page = app.get(app.openIdRequest(CLIENT, STANDALONE, null));
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("<html lang=\"en\""), html);
        assertEquals(1, html.split("<h1").length - 1, "exactly one h1");
        assertTrue(html.contains("<main") && html.contains("<label for=\"user\"") && html.contains("<label for=\"patient\""));
        assertTrue(html.contains("Trey Berge") && html.contains("Dr. Harper Hospitalist"));
        String requestId = requestId(html);
        assertTrue(requestId.length() >= 22, "at least 128 bits");

        HttpResponse<String> answer = app.postForm(server.endpoints.authorizationEndpoint(),
                "request_id=" + enc(requestId) + "&user=sandbox-hospitalist&patient=pat-2&approve=approve");
        AuthorizationResponse response = SmartApp.redirectIn(answer);
        assertTrue(response.indicatesSuccess(), String.valueOf(answer.headers().firstValue("Location")));
        assertEquals(app.state, response.getState());

        var http = app.exchange(app.privateKeyJwt(),
                ((AuthorizationSuccessResponse) response).getAuthorizationCode(), app.verifier);
        AccessTokenResponse tokens = AccessTokenResponse.parse(http);
        assertEquals("pat-2", tokens.getCustomParameters().get("patient"));
        assertEquals("sandbox-hospitalist",
                server.authority.verify(tokens.getTokens().getAccessToken().getValue()).subject());

        HttpResponse<String> again = app.postForm(server.endpoints.authorizationEndpoint(),
                "request_id=" + enc(requestId) + "&user=sandbox-hospitalist&patient=pat-2");
        assertEquals(400, again.statusCode(), "request_id is single use");
        assertTrue(again.headers().firstValue("Location").isEmpty());
    }

    @Test
    void standaloneWithoutLaunchPatientDoesNotAskForAPatient() throws Exception {
        HttpResponse<String> page = app.get(app.openIdRequest(CLIENT, Scope.parse("openid fhirUser user/*.rs"), null));
        assertFalse(page.body().contains("name=\"patient\""));
    }

    @Test
    void unknownUserOnThePickerRedirectsWithInvalidRequest() throws Exception {
        String requestId = requestId(app.get(app.openIdRequest(CLIENT, STANDALONE, null)).body());
        AuthorizationErrorResponse error = errorIn(app.postForm(server.endpoints.authorizationEndpoint(),
                "request_id=" + enc(requestId) + "&user=root&patient=pat-2"));
        assertEquals("invalid_request", error.getErrorObject().getCode());
    }

    @Test
    void cancelOnThePickerRedirectsWithAccessDenied() throws Exception {
        String requestId = requestId(app.get(app.openIdRequest(CLIENT, STANDALONE, null)).body());
        AuthorizationErrorResponse error = errorIn(app.postForm(server.endpoints.authorizationEndpoint(),
                "request_id=" + enc(requestId) + "&cancel=cancel"));
        assertEquals("access_denied", error.getErrorObject().getCode());
    }

    @Test
    void authorizationRequestMayBeAFormPost() throws Exception {
        URI get = app.openIdRequest(CLIENT, Scope.parse("launch openid"), launch());
        HttpResponse<String> response = app.postForm(server.endpoints.authorizationEndpoint(), get.getRawQuery());
        assertTrue(SmartApp.redirectIn(response).indicatesSuccess());
    }

    static String requestId(String html) {
        Matcher m = Pattern.compile("name=\"request_id\" value=\"([A-Za-z0-9_-]+)\"").matcher(html);
        assertTrue(m.find(), html);
        return m.group(1);
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
