package io.chartlens.launch;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates the id_token of a launch (OpenID Connect Core §3.1.3.7; SMART App Launch 2.x §2.0.6 "sso-openid-connect"):
 * signature against the EHR's JWKS, issuer, audience (our client id), expiry and nonce. Only asymmetric algorithms
 * are accepted.
 */
@ApplicationScoped
public class IdTokenVerifier {

    static final Set<JWSAlgorithm> ALLOWED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.PS256, JWSAlgorithm.PS384);

    /** Validators keep their JWKS cache; one per issuer, client and algorithm. */
    private final Map<String, IDTokenValidator> validators = new ConcurrentHashMap<>();

    public IDTokenClaimsSet verify(EhrRegistration registration, PendingAuthorization pending, String idToken)
            throws LaunchException {
        if (idToken == null) {
            throw new LaunchException(LaunchFailure.ID_TOKEN_INVALID, "token response has no id_token");
        }
        if (pending.issuer() == null || pending.jwksUri() == null) {
            throw new LaunchException(LaunchFailure.ID_TOKEN_INVALID,
                    "EHR's smart-configuration has no issuer or jwks_uri to verify the id_token with");
        }
        try {
            JWT jwt = JWTParser.parse(idToken);
            if (!(jwt instanceof SignedJWT signed)) {
                throw new LaunchException(LaunchFailure.ID_TOKEN_INVALID, "id_token is not signed");
            }
            JWSAlgorithm algorithm = signed.getHeader().getAlgorithm();
            if (!ALLOWED.contains(algorithm)) {
                throw new LaunchException(LaunchFailure.ID_TOKEN_INVALID, "id_token algorithm not allowed: " + algorithm);
            }
            String key = pending.issuer() + " " + registration.clientId() + " " + algorithm;
            IDTokenValidator validator = validators.computeIfAbsent(key, k -> create(registration, pending, algorithm));
            return validator.validate(signed, new Nonce(pending.nonce()));
        } catch (ParseException e) {
            throw new LaunchException(LaunchFailure.ID_TOKEN_INVALID, "id_token is not a JWT", e);
        } catch (BadJOSEException | JOSEException e) {
            throw new LaunchException(LaunchFailure.ID_TOKEN_INVALID, "id_token rejected: " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new LaunchException(LaunchFailure.ID_TOKEN_INVALID, e.getMessage(), e);
        }
    }

    private static IDTokenValidator create(EhrRegistration registration, PendingAuthorization pending,
                                           JWSAlgorithm algorithm) {
        try {
            return new IDTokenValidator(new Issuer(pending.issuer()), registration.clientId(), algorithm,
                    pending.jwksUri().toURL(), new DefaultResourceRetriever(5_000, 5_000, 256 * 1024));
        } catch (MalformedURLException e) {
            throw new IllegalStateException("jwks_uri is not a URL", e);
        }
    }
}
