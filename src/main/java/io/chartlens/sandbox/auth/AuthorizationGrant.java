package io.chartlens.sandbox.auth;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.net.URI;
import java.util.Objects;

/**
 * What a user authorized for a client: bound to an authorization code (RFC 6749 §4.1.2, with RFC 7636 PKCE) and
 * then to the refresh tokens that follow it (§6).
 *
 * @param clientId      the client (never null)
 * @param redirectUri   the redirect URI of the authorization request (never null)
 * @param codeChallenge the PKCE S256 challenge (never null)
 * @param scope         the granted scopes (never null, may be empty)
 * @param userId        the signed-in user's Practitioner id (never null)
 * @param userName      the user's display name for the id_token {@code name} claim (never null)
 * @param patientId     the patient in context, or null
 * @param encounterId   the encounter in context, or null
 * @param nonce         the OpenID Connect nonce of the request, or null
 */
record AuthorizationGrant(ClientID clientId, URI redirectUri, CodeChallenge codeChallenge, Scope scope,
                          String userId, String userName, String patientId, String encounterId, Nonce nonce) {

    AuthorizationGrant {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(codeChallenge, "codeChallenge");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(userName, "userName");
        scope = new Scope(scope == null ? new Scope() : scope);
    }

    /** A copy of the granted scopes (Nimbus {@code Scope} is mutable). */
    @Override
    public Scope scope() {
        return new Scope(scope);
    }

    boolean grants(String scopeValue) {
        return scope.contains(scopeValue);
    }

    /** The same grant with fewer scopes, for a refresh request that asks for a subset (RFC 6749 §6). */
    AuthorizationGrant narrowedTo(Scope subset) {
        return new AuthorizationGrant(clientId, redirectUri, codeChallenge, subset, userId, userName, patientId,
                encounterId, nonce);
    }
}
