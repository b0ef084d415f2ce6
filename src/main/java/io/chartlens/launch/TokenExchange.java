package io.chartlens.launch;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import io.chartlens.system.AppSettings;
import io.chartlens.system.telemetry.Telemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * The server-side token requests of a confidential client: the authorization-code exchange with the PKCE verifier
 * (SMART App Launch 2.x §2.0.6, RFC 7636) and refresh (§2.0.10). Tokens stay on the server. Each request is a
 * span ({@link LaunchSpans#TOKEN}).
 */
@ApplicationScoped
public class TokenExchange {

    static final int TIMEOUT_MS = 10_000;
    /** Used when the EHR omits {@code expires_in}: assume a short life rather than a long one. */
    static final long DEFAULT_LIFETIME_SECONDS = 300;

    @Inject
    AppSettings settings;
    @Inject
    Telemetry telemetry;

    /** The parts of a token response ChartLens uses. {@code idToken} and {@code refreshToken} may be null. */
    public record TokenResult(String accessToken, String refreshToken, Instant expiresAt, String scope,
                              String idToken, Map<String, Object> parameters) {
        @Override
        public String toString() {
            return "TokenResult[scope=" + scope + "]";
        }
    }

    public TokenResult exchangeCode(EhrRegistration registration, PendingAuthorization pending, AuthorizationCode code)
            throws LaunchException {
        AuthorizationGrant grant = new AuthorizationCodeGrant(code, settings.redirectUri(),
                new CodeVerifier(pending.codeVerifier()));
        return send(registration, pending.tokenEndpoint(), grant, LaunchFailure.TOKEN_EXCHANGE_FAILED);
    }

    public TokenResult refresh(EhrRegistration registration, LaunchSession launch) throws LaunchException {
        String refreshToken = launch.refresh().orElseThrow(() ->
                new LaunchException(LaunchFailure.TOKEN_REFRESH_FAILED, "no refresh token was granted"));
        return send(registration, launch.tokenEndpoint(), new RefreshTokenGrant(new RefreshToken(refreshToken)),
                LaunchFailure.TOKEN_REFRESH_FAILED);
    }

    TokenResult send(EhrRegistration registration, URI tokenEndpoint, AuthorizationGrant grant, LaunchFailure failure)
            throws LaunchException {
        return LaunchSpans.token(Telemetry.tracer(telemetry), registration, tokenEndpoint, grant.getType().getValue(),
                () -> request(registration, tokenEndpoint, grant, failure));
    }

    private TokenResult request(EhrRegistration registration, URI tokenEndpoint, AuthorizationGrant grant,
                                LaunchFailure failure) throws LaunchException {
        try {
            TokenRequest request = new TokenRequest(tokenEndpoint,
                    registration.credentials().authenticationFor(registration.clientId(), tokenEndpoint), grant);
            HTTPRequest http = request.toHTTPRequest();
            http.setConnectTimeout(TIMEOUT_MS);
            http.setReadTimeout(TIMEOUT_MS);
            HTTPResponse answer = http.send();
            LaunchSpans.status(answer.getStatusCode());
            TokenResponse response = TokenResponse.parse(answer);
            if (!response.indicatesSuccess()) {
                TokenErrorResponse error = response.toErrorResponse();
                throw new LaunchException(failure, "token endpoint answered " + error.getErrorObject().getCode()
                        + " (HTTP " + error.getErrorObject().getHTTPStatusCode() + ")");
            }
            AccessTokenResponse ok = response.toSuccessResponse();
            long lifetime = ok.getTokens().getAccessToken().getLifetime();
            Instant expiresAt = Instant.now().plusSeconds(lifetime > 0 ? lifetime : DEFAULT_LIFETIME_SECONDS);
            Map<String, Object> params = ok.getCustomParameters();
            Object idToken = params.get("id_token");
            return new TokenResult(
                    ok.getTokens().getAccessToken().getValue(),
                    ok.getTokens().getRefreshToken() != null ? ok.getTokens().getRefreshToken().getValue() : null,
                    expiresAt,
                    ok.getTokens().getAccessToken().getScope() != null
                            ? ok.getTokens().getAccessToken().getScope().toString() : null,
                    idToken instanceof String s ? s : null,
                    Map.copyOf(params));
        } catch (ParseException e) {
            throw new LaunchException(failure, "token response invalid: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new LaunchException(failure, "token endpoint unreachable: " + e.getClass().getSimpleName(), e);
        } catch (JOSEException e) {
            throw new LaunchException(LaunchFailure.CONFIGURATION_ERROR, "cannot sign client assertion: "
                    + e.getMessage(), e);
        }
    }
}
