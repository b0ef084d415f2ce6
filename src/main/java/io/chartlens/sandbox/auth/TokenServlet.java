package io.chartlens.sandbox.auth;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.verifier.InvalidClientException;
import com.nimbusds.oauth2.sdk.client.ClientInformation;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.JakartaServletUtils;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import io.chartlens.sandbox.SandboxSettings;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sandbox token endpoint (SMART App Launch 2.x §2.0.8 and §2.0.10; RFC 6749 §4.1.3 and §6; RFC 7636 §4.6):
 * exchanges a PKCE-bound authorization code, or rotates a refresh token, for a JWT access token with the SMART
 * launch context. Errors are RFC 6749 §5.2 error responses.
 */
public class TokenServlet extends HttpServlet {

    @Inject
    SandboxSettings settings;
    @Inject
    SandboxClients clients;
    @Inject
    SandboxGrants grants;
    @Inject
    SandboxAuthority authority;

    private SandboxEndpoints endpoints;
    private Clock clock = Clock.systemUTC();
    private SandboxClientAuthenticator authenticator;

    /** For the servlet container (CDI field injection). */
    public TokenServlet() {}

    public TokenServlet(SandboxEndpoints endpoints, SandboxClients clients, SandboxGrants grants,
                        SandboxAuthority authority, Clock clock) {
        this.endpoints = endpoints;
        this.clients = clients;
        this.grants = grants;
        this.authority = authority;
        this.clock = clock;
    }

    @Override
    public void init() {
        if (endpoints == null) {
            endpoints = SandboxEndpoints.from(settings);
        }
        authenticator = new SandboxClientAuthenticator(clients, endpoints.tokenEndpoint(), clock);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        HTTPResponse response;
        try {
            response = respond(TokenRequest.parse(JakartaServletUtils.createHTTPRequest(req))).toHTTPResponse();
        } catch (ParseException e) {
            ErrorObject error = e.getErrorObject() != null ? e.getErrorObject()
                    : OAuth2Error.INVALID_REQUEST.setDescription(e.getMessage());
            response = new TokenErrorResponse(error).toHTTPResponse();
        }
        JakartaServletUtils.applyHTTPResponse(response, resp);
    }

    private TokenResponse respond(TokenRequest request) {
        ClientInformation client;
        try {
            client = authenticator.authenticate(request.getClientAuthentication());
        } catch (InvalidClientException e) {
            return error(OAuth2Error.INVALID_CLIENT, e.getMessage());
        }
        if (request.getAuthorizationGrant() instanceof AuthorizationCodeGrant codeGrant) {
            return exchangeCode(client, codeGrant);
        }
        if (request.getAuthorizationGrant() instanceof RefreshTokenGrant refreshGrant) {
            return refresh(client, refreshGrant, request.getScope());
        }
        return error(OAuth2Error.UNSUPPORTED_GRANT_TYPE, "Use authorization_code or refresh_token");
    }

    private TokenResponse exchangeCode(ClientInformation client, AuthorizationCodeGrant codeGrant) {
        AuthorizationGrant grant = grants.redeemCode(codeGrant.getAuthorizationCode()).orElse(null);
        if (grant == null) {
            return error(OAuth2Error.INVALID_GRANT, "The code is unknown, expired or already used");
        }
        if (!grant.clientId().equals(client.getID())) {
            return error(OAuth2Error.INVALID_GRANT, "The code was issued to another client");
        }
        if (!grant.redirectUri().equals(codeGrant.getRedirectionURI())) {
            return error(OAuth2Error.INVALID_GRANT, "redirect_uri does not match the authorization request");
        }
        if (codeGrant.getCodeVerifier() == null || !grant.codeChallenge().equals(
                CodeChallenge.compute(CodeChallengeMethod.S256, codeGrant.getCodeVerifier()))) {
            return error(OAuth2Error.INVALID_GRANT, "PKCE code_verifier does not match the code_challenge");
        }
        return tokensFor(grant, grant);
    }

    private TokenResponse refresh(ClientInformation client, RefreshTokenGrant refreshGrant,
                                                          Scope requested) {
        RefreshToken presented = refreshGrant.getRefreshToken();
        AuthorizationGrant known = grants.findRefreshToken(presented, client.getID()).orElse(null);
        if (known != null && requested != null && !known.scope().containsAll(requested)) {
            // checked before rotation, so a bad request does not burn a good refresh token
            return error(OAuth2Error.INVALID_SCOPE, "A refresh may only ask for granted scopes");
        }
        AuthorizationGrant grant = grants.redeemRefreshToken(presented, client.getID()).orElse(null);
        if (grant == null) {
            return error(OAuth2Error.INVALID_GRANT, "The refresh token is unknown, expired or already used");
        }
        AuthorizationGrant narrowed = requested == null ? grant : grant.narrowedTo(requested);
        // RFC 6749 §6: the new refresh token keeps the original grant's scope.
        return tokensFor(narrowed, grant);
    }

    private TokenResponse tokensFor(AuthorizationGrant grant, AuthorizationGrant refreshGrant) {
        BearerAccessToken accessToken = authority.issueAccessToken(grant);
        RefreshToken refreshToken = grants.issueRefreshToken(refreshGrant).orElse(null);
        Map<String, Object> context = new LinkedHashMap<>();
        if (grant.patientId() != null) {
            context.put("patient", grant.patientId());
        }
        if (grant.encounterId() != null) {
            context.put("encounter", grant.encounterId());
        }
        context.put("need_patient_banner", true);
        context.put("smart_style_url", endpoints.smartStyleUrl().toString());
        if (grant.grants("openid")) {
            return new OIDCTokenResponse(new OIDCTokens(authority.issueIdToken(grant), accessToken, refreshToken),
                    context);
        }
        return new AccessTokenResponse(new Tokens(accessToken, refreshToken), context);
    }

    private static TokenErrorResponse error(ErrorObject error, String description) {
        return new TokenErrorResponse(error.setDescription(description));
    }
}
