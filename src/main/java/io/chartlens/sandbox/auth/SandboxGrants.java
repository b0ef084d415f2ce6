package io.chartlens.sandbox.auth;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The sandbox authorization server's short-lived state, all in memory and single use: pending standalone
 * authorization requests, authorization codes (RFC 6749 §4.1.2: "MUST expire shortly", here 120 s) and refresh
 * tokens (§6, rotated on every use; SMART App Launch 2.x §2.0.10). Values are 256-bit random strings.
 */
@ApplicationScoped
public class SandboxGrants {

    static final Duration CODE_LIFETIME = Duration.ofSeconds(120);
    static final Duration PENDING_REQUEST_LIFETIME = Duration.ofMinutes(10);
    /** offline_access: long-lived; online_access: roughly a working day (the sandbox does not track sessions). */
    static final Duration OFFLINE_LIFETIME = Duration.ofDays(30);
    static final Duration ONLINE_LIFETIME = Duration.ofHours(12);

    private final ExpiringValues<ValidatedAuthorizationRequest> pendingRequests;
    private final ExpiringValues<AuthorizationGrant> codes;
    private final ExpiringValues<AuthorizationGrant> offlineTokens;
    private final ExpiringValues<AuthorizationGrant> onlineTokens;

    public SandboxGrants() {
        this(Clock.systemUTC());
    }

    public SandboxGrants(Clock clock) {
        pendingRequests = new ExpiringValues<>(PENDING_REQUEST_LIFETIME, clock);
        codes = new ExpiringValues<>(CODE_LIFETIME, clock);
        offlineTokens = new ExpiringValues<>(OFFLINE_LIFETIME, clock);
        onlineTokens = new ExpiringValues<>(ONLINE_LIFETIME, clock);
    }

    /** Keeps a validated request until the page's form comes back; returns the opaque {@code request_id}. */
    public String holdRequest(ValidatedAuthorizationRequest request) {
        return pendingRequests.put(request);
    }

    /** The held request (single use), if the id is known and not older than 10 minutes. */
    public Optional<ValidatedAuthorizationRequest> takeRequest(String requestId) {
        return pendingRequests.take(requestId);
    }

    public AuthorizationCode issueCode(AuthorizationGrant grant) {
        AuthorizationCode code = new AuthorizationCode();
        codes.put(code.getValue(), grant);
        return code;
    }

    /** Redeems a code: a second redemption, or one after 120 s, finds nothing. */
    public Optional<AuthorizationGrant> redeemCode(AuthorizationCode code) {
        return codes.take(code.getValue());
    }

    /** A refresh token for the grant, or empty when neither offline_access nor online_access was granted. */
    public Optional<RefreshToken> issueRefreshToken(AuthorizationGrant grant) {
        ExpiringValues<AuthorizationGrant> store = storeFor(grant);
        if (store == null) {
            return Optional.empty();
        }
        RefreshToken token = new RefreshToken();
        store.put(token.getValue(), grant);
        return Optional.of(token);
    }

    /** The grant of an unexpired refresh token of {@code clientId}, without consuming it. */
    public Optional<AuthorizationGrant> findRefreshToken(RefreshToken token, ClientID clientId) {
        Optional<AuthorizationGrant> offline = offlineTokens.find(token.getValue());
        return (offline.isPresent() ? offline : onlineTokens.find(token.getValue()))
                .filter(g -> g.clientId().equals(clientId));
    }

    /** Consumes a refresh token of {@code clientId} (rotation: the caller issues a new one). */
    public Optional<AuthorizationGrant> redeemRefreshToken(RefreshToken token, ClientID clientId) {
        Optional<AuthorizationGrant> offline = offlineTokens.takeIf(token.getValue(), g -> g.clientId().equals(clientId));
        return offline.isPresent() ? offline
                : onlineTokens.takeIf(token.getValue(), g -> g.clientId().equals(clientId));
    }

    private ExpiringValues<AuthorizationGrant> storeFor(AuthorizationGrant grant) {
        if (grant.grants("offline_access")) {
            return offlineTokens;
        }
        return grant.grants("online_access") ? onlineTokens : null;
    }
}
