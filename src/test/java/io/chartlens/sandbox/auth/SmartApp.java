package io.chartlens.sandbox.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The app's side of the SMART flow, built with Nimbus as ChartLens would, against a {@link SandboxAuthServer}. */
final class SmartApp {

    final SandboxAuthServer server;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final CodeVerifier verifier = new CodeVerifier();
    final State state = new State();
    final Nonce nonce = new Nonce();

    SmartApp(SandboxAuthServer server) {
        this.server = server;
    }

    /** An authorization request URL; {@code launch} and {@code aud} may be null to leave them out. */
    AuthorizationRequest.Builder request(ClientID clientId, Scope scope, String launch, String aud) {
        AuthorizationRequest.Builder b = new AuthorizationRequest.Builder(ResponseType.CODE, clientId)
                .endpointURI(server.endpoints.authorizationEndpoint())
                .redirectionURI(server.redirectUri)
                .scope(scope)
                .state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .customParameter("nonce", nonce.getValue());
        if (aud != null) {
            b.customParameter("aud", aud);
        }
        if (launch != null) {
            b.customParameter("launch", launch);
        }
        return b;
    }

    /** An OpenID Connect request, checked by Nimbus' own builder. */
    URI openIdRequest(ClientID clientId, Scope scope, String launch) {
        AuthenticationRequest.Builder b = new AuthenticationRequest.Builder(ResponseType.CODE, scope, clientId,
                server.redirectUri)
                .endpointURI(server.endpoints.authorizationEndpoint())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .customParameter("aud", server.endpoints.fhirBase());
        if (launch != null) {
            b.customParameter("launch", launch);
        }
        return b.build().toURI();
    }

    HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(URI uri, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The authorization response the sandbox redirected to (fails if it did not redirect to the app). */
    static AuthorizationResponse redirectIn(HttpResponse<String> response) throws Exception {
        if (response.statusCode() != 302) {
            throw new AssertionError("Expected a redirect, got " + response.statusCode() + ": " + response.body());
        }
        return AuthorizationResponse.parse(URI.create(response.headers().firstValue("Location").orElseThrow()));
    }

    AuthorizationCode code(URI authorizationRequest) throws Exception {
        AuthorizationResponse response = redirectIn(get(authorizationRequest));
        if (!response.indicatesSuccess()) {
            throw new AssertionError("Authorization failed: " + response.toErrorResponse().getErrorObject());
        }
        return ((AuthorizationSuccessResponse) response).getAuthorizationCode();
    }

    ClientAuthentication privateKeyJwt() throws Exception {
        return privateKeyJwt(server.endpoints.tokenEndpoint());
    }

    ClientAuthentication privateKeyJwt(URI audience) throws Exception {
        var key = SandboxAuthServer.clientPrivateKey();
        return new PrivateKeyJWT(SandboxAuthServer.PRIVATE_KEY_CLIENT, audience, JWSAlgorithm.RS384,
                key.toPrivateKey(), key.getKeyID(), null);
    }

    ClientAuthentication secretBasic() {
        return new ClientSecretBasic(SandboxAuthServer.SECRET_CLIENT, server.basicClientSecret());
    }

    HTTPResponse exchange(ClientAuthentication auth, AuthorizationCode code, CodeVerifier codeVerifier)
            throws Exception {
        return token(auth, new AuthorizationCodeGrant(code, server.redirectUri, codeVerifier));
    }

    HTTPResponse token(ClientAuthentication auth, AuthorizationGrant grant) throws Exception {
        return new TokenRequest(server.endpoints.tokenEndpoint(), auth, grant, null).toHTTPRequest().send();
    }
}
