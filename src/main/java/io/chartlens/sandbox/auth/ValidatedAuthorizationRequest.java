package io.chartlens.sandbox.auth;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.net.URI;

/**
 * An authorization request that passed every check (registered client and redirect URI, response_type code,
 * PKCE S256, {@code aud}), kept server-side while the standalone-launch page asks who signs in
 * (SMART App Launch 2.x §2.0.5 standalone launch).
 *
 * @param clientId      the client (never null)
 * @param clientName    the client's display name, for the page (never null)
 * @param redirectUri   the registered redirect URI (never null)
 * @param state         the client's state, echoed back (may be null)
 * @param codeChallenge the PKCE S256 challenge (never null)
 * @param scope         the grantable scopes (never null)
 * @param nonce         the OpenID Connect nonce, or null
 */
record ValidatedAuthorizationRequest(ClientID clientId, String clientName, URI redirectUri, State state,
                                     CodeChallenge codeChallenge, Scope scope, Nonce nonce) {

    ValidatedAuthorizationRequest {
        scope = new Scope(scope);
    }

    @Override
    public Scope scope() {
        return new Scope(scope);
    }

    boolean needsPatient() {
        return scope.contains("launch/patient");
    }

    /** The grant once a user (and, for launch/patient, a patient) is known. */
    AuthorizationGrant grantFor(String userId, String userName, String patientId, String encounterId) {
        return new AuthorizationGrant(clientId, redirectUri, codeChallenge, scope, userId, userName, patientId,
                encounterId, nonce);
    }
}
