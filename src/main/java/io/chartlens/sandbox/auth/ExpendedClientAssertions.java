package io.chartlens.sandbox.auth;

import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.verifier.Context;
import com.nimbusds.oauth2.sdk.auth.verifier.ExpendedJTIChecker;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.JWTID;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the {@code jti} of every accepted client assertion until the assertion expires, so that an assertion
 * cannot be replayed (RFC 7523 §3 item 7; SMART App Launch 2.x §5.2 "jti ... MUST NOT be reused before exp").
 */
final class ExpendedClientAssertions implements ExpendedJTIChecker<Void> {

    private record Key(ClientID clientId, JWTID jti) {}

    private final Map<Key, Instant> expended = new ConcurrentHashMap<>();
    private final Clock clock;

    ExpendedClientAssertions(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean isExpended(JWTID jti, ClientID clientId, ClientAuthenticationMethod method, Context<Void> context) {
        Instant until = expended.get(new Key(clientId, jti));
        return until != null && clock.instant().isBefore(until);
    }

    @Override
    public void markExpended(JWTID jti, Date exp, ClientID clientId, ClientAuthenticationMethod method,
                             Context<Void> context) {
        Instant now = clock.instant();
        expended.values().removeIf(until -> !now.isBefore(until));
        // Keep it past exp by the verifier's clock skew, during which Nimbus would still accept the assertion.
        expended.put(new Key(clientId, jti), exp.toInstant().plusSeconds(SandboxAuthority.MAX_CLOCK_SKEW_SECONDS * 10L));
    }
}
