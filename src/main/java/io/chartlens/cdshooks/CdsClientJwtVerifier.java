package io.chartlens.cdshooks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.function.Function;

/**
 * Verifies the JWT a CDS client presents as {@code Authorization: Bearer} (CDS Hooks 2.0, Trusting CDS Clients):
 * the {@code iss} must be a registered client; the header must carry a {@code kid} and an algorithm the registration
 * allows (never {@code none} or a symmetric one: Nimbus refuses to parse the first, the key selector the second);
 * a {@code jku}, if present, must be the registered JWK Set URL; the signature must verify with a key from that set;
 * {@code aud} must be the URL of the endpoint being called; {@code exp} must be in the future and at most
 * {@value #MAX_LIFETIME_MINUTES} minutes away; {@code iat} must not be in the future; and the {@code jti} must not
 * have been used before. Every check allows {@value #CLOCK_SKEW_SECONDS} s of clock skew.
 */
final class CdsClientJwtVerifier {

    static final int MAX_LIFETIME_MINUTES = 5;
    static final int CLOCK_SKEW_SECONDS = 30;
    private static final Duration SKEW = Duration.ofSeconds(CLOCK_SKEW_SECONDS);
    private static final String BEARER = "Bearer ";

    private final Function<String, Optional<CdsClientRegistration>> clients;
    private final Function<CdsClientRegistration, JWKSource<SecurityContext>> keys;
    private final JtiReplayCache replays;
    private final Clock clock;

    /**
     * @param clients the registered client of an {@code iss}
     * @param keys    the (cached) JWK source of a client's registered {@code jwksUrl}
     */
    CdsClientJwtVerifier(Function<String, Optional<CdsClientRegistration>> clients,
                         Function<CdsClientRegistration, JWKSource<SecurityContext>> keys, JtiReplayCache replays,
                         Clock clock) {
        this.clients = clients;
        this.keys = keys;
        this.replays = replays;
        this.clock = clock;
    }

    /**
     * @param authorization    the {@code Authorization} header, or null
     * @param expectedAudience the absolute URL of the endpoint being called
     * @throws CdsHooksException 401 for any token that is not accepted; 503 when the keys cannot be fetched
     */
    AuthenticatedCdsClient verify(String authorization, String expectedAudience) throws CdsHooksException {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.substring(BEARER.length()).isBlank()) {
            throw new CdsHooksException(CdsFailure.MISSING_TOKEN, null);
        }
        SignedJWT jwt;
        JWTClaimsSet unverified;
        try {
            jwt = SignedJWT.parse(authorization.substring(BEARER.length()).strip());
            unverified = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new CdsHooksException(CdsFailure.MALFORMED_TOKEN, e.getMessage());
        }
        CdsClientRegistration client = clients.apply(unverified.getIssuer()).orElseThrow(() ->
                new CdsHooksException(CdsFailure.UNKNOWN_CLIENT, "iss " + unverified.getIssuer()));
        checkHeader(jwt.getHeader(), client);
        JWTClaimsSet claims = verifySignature(jwt, client);
        Instant expiry = checkClaims(claims, expectedAudience);
        switch (replays.use(client.iss(), claims.getJWTID(), expiry.plus(SKEW))) {
            case REPLAYED -> throw new CdsHooksException(CdsFailure.TOKEN_REPLAYED, "client " + client.id());
            case FULL -> throw new CdsHooksException(CdsFailure.REPLAY_CACHE_FULL, null);
            case FIRST -> { }
        }
        return new AuthenticatedCdsClient(client, tenant(claims));
    }

    private static void checkHeader(JWSHeader header, CdsClientRegistration client) throws CdsHooksException {
        if (!client.algorithms().contains(header.getAlgorithm())) {
            throw new CdsHooksException(CdsFailure.ALGORITHM_NOT_ALLOWED, "alg " + header.getAlgorithm()
                    + "; allowed for client " + client.id() + ": " + client.algorithms());
        }
        if (header.getKeyID() == null || header.getKeyID().isBlank()) {
            throw new CdsHooksException(CdsFailure.MISSING_KEY_ID, null);
        }
        if (header.getType() != null && !JOSEObjectType.JWT.equals(header.getType())) {
            throw new CdsHooksException(CdsFailure.MALFORMED_TOKEN, "typ must be JWT, not " + header.getType());
        }
        if (header.getJWKURL() != null && !header.getJWKURL().equals(client.jwksUrl())) {
            throw new CdsHooksException(CdsFailure.JKU_NOT_REGISTERED, "jku " + header.getJWKURL());
        }
    }

    private JWTClaimsSet verifySignature(SignedJWT jwt, CdsClientRegistration client) throws CdsHooksException {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(client.algorithms(), keys.apply(client)));
        processor.setJWTClaimsSetVerifier(null); // the claims are checked below, each with its own reason
        try {
            return processor.process(jwt, null);
        } catch (RateLimitReachedException e) {
            // the set was fetched moments ago and has no key with this kid
            throw new CdsHooksException(CdsFailure.BAD_SIGNATURE, "no registered key with kid "
                    + jwt.getHeader().getKeyID());
        } catch (KeySourceException e) {
            throw new CdsHooksException(CdsFailure.KEYS_UNAVAILABLE, "client " + client.id() + ": "
                    + e.getMessage(), e);
        } catch (BadJOSEException | JOSEException e) {
            throw new CdsHooksException(CdsFailure.BAD_SIGNATURE, e.getMessage());
        }
    }

    /** @return the expiry */
    private Instant checkClaims(JWTClaimsSet claims, String expectedAudience) throws CdsHooksException {
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        if (exp == null || iat == null || claims.getJWTID() == null || claims.getJWTID().isBlank()
                || claims.getAudience() == null || claims.getAudience().isEmpty()) {
            throw new CdsHooksException(CdsFailure.MISSING_CLAIM, null);
        }
        if (!claims.getAudience().contains(expectedAudience)) {
            throw new CdsHooksException(CdsFailure.WRONG_AUDIENCE, "aud " + claims.getAudience() + ", expected "
                    + expectedAudience);
        }
        Instant now = clock.instant();
        if (exp.toInstant().plus(SKEW).isBefore(now)) {
            throw new CdsHooksException(CdsFailure.TOKEN_EXPIRED, null);
        }
        if (exp.toInstant().isAfter(now.plus(Duration.ofMinutes(MAX_LIFETIME_MINUTES)).plus(SKEW))) {
            throw new CdsHooksException(CdsFailure.TOKEN_LIFETIME_TOO_LONG, null);
        }
        if (iat.toInstant().isAfter(now.plus(SKEW))) {
            throw new CdsHooksException(CdsFailure.TOKEN_ISSUED_IN_FUTURE, null);
        }
        return exp.toInstant();
    }

    private static String tenant(JWTClaimsSet claims) {
        try {
            return claims.getStringClaim("tenant");
        } catch (ParseException e) {
            return null;
        }
    }
}
