package io.chartlens.sandbox.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import io.chartlens.sandbox.SandboxSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sandbox authorization server's signing authority: an RSA 2048 key generated at start (RS256, random kid),
 * published as a JWK set, signing JWT access tokens (RFC 9068, {@code typ at+jwt}, with the SMART App Launch 2.x
 * §2.0.10 context claims) and OpenID Connect id_tokens (SMART App Launch 2.x §6.0 "fhirUser" as an absolute URL).
 * Also verifies access tokens for the sandbox FHIR server.
 */
@ApplicationScoped
public class SandboxAuthority implements SandboxTokenVerifier {

    static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt");
    static final int MAX_CLOCK_SKEW_SECONDS = 30;

    @Inject
    SandboxSettings settings;

    @Inject
    @ConfigProperty(name = "chartlens.sandbox.access-token-seconds", defaultValue = "3600")
    long accessTokenSeconds;

    private Issuer issuer;
    private String fhirBase;
    private Duration accessTokenLifetime;
    private Clock clock;
    private RSAKey signingKey;
    private DefaultJWTProcessor<SecurityContext> accessTokenProcessor;

    /** For CDI; configured from {@link SandboxSettings} after injection. */
    protected SandboxAuthority() {}

    /** For tests and explicit wiring: {@code fhirBase} is the access tokens' {@code aud}. */
    public SandboxAuthority(String issuer, String fhirBase, Duration accessTokenLifetime, Clock clock) {
        configure(issuer, fhirBase, accessTokenLifetime, clock);
    }

    @PostConstruct
    void init() {
        configure(settings.authIssuer(), settings.fhirBase(), Duration.ofSeconds(accessTokenSeconds), Clock.systemUTC());
    }

    private void configure(String issuer, String fhirBase, Duration lifetime, Clock clock) {
        this.issuer = new Issuer(issuer);
        this.fhirBase = fhirBase;
        this.accessTokenLifetime = lifetime;
        this.clock = clock;
        try {
            this.signingKey = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
                    .algorithm(JWSAlgorithm.RS256).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate the sandbox signing key", e);
        }
        this.accessTokenProcessor = accessTokenProcessor();
    }

    public Issuer issuer() {
        return issuer;
    }

    /** The public signing keys, as served at {@code jwks_uri}. */
    public JWKSet publicJwkSet() {
        return new JWKSet(signingKey.toPublicJWK());
    }

    /** A signed JWT access token for the grant, with {@code expires_in} and the granted scope. */
    public BearerAccessToken issueAccessToken(AuthorizationGrant grant) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer.getValue())
                .audience(fhirBase)
                .subject(grant.userId())
                .claim("client_id", grant.clientId().getValue())
                .claim("scope", grant.scope().toString())
                .claim("fhirUser", "Practitioner/" + grant.userId())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(accessTokenLifetime)))
                .jwtID(new JWTID().getValue());
        if (grant.patientId() != null) {
            claims.claim("patient", grant.patientId());
        }
        if (grant.encounterId() != null) {
            claims.claim("encounter", grant.encounterId());
        }
        String jwt = sign(ACCESS_TOKEN_TYPE, claims.build());
        return new BearerAccessToken(jwt, accessTokenLifetime.toSeconds(), grant.scope());
    }

    /** A signed OpenID Connect id_token for the grant's user, audience the client. */
    public SignedJWT issueIdToken(AuthorizationGrant grant) {
        Instant now = clock.instant();
        IDTokenClaimsSet claims = new IDTokenClaimsSet(issuer, new Subject(grant.userId()),
                List.of(new Audience(grant.clientId())), Date.from(now.plus(accessTokenLifetime)), Date.from(now));
        claims.setNonce(grant.nonce());
        claims.setClaim("fhirUser", fhirBase + "/Practitioner/" + grant.userId());
        claims.setClaim("name", grant.userName());
        try {
            return SignedJWT.parse(sign(JOSEObjectType.JWT, claims.toJWTClaimsSet()));
        } catch (com.nimbusds.oauth2.sdk.ParseException | ParseException e) {
            throw new IllegalStateException("Cannot build the id_token claims", e);
        }
    }

    @Override
    public SandboxAccessToken verify(String bearerToken) throws InvalidSandboxTokenException {
        JWTClaimsSet claims;
        try {
            claims = accessTokenProcessor.process(SignedJWT.parse(bearerToken), null);
        } catch (ParseException e) {
            throw new InvalidSandboxTokenException("The access token is not a signed JWT");
        } catch (BadJOSEException e) {
            throw new InvalidSandboxTokenException("The access token was rejected: " + e.getMessage());
        } catch (JOSEException e) {
            throw new InvalidSandboxTokenException("The access token could not be verified: " + e.getMessage());
        }
        try {
            String scope = claims.getStringClaim("scope");
            return new SandboxAccessToken(claims.getSubject(), claims.getStringClaim("client_id"),
                    new HashSet<>(List.of(scope.isBlank() ? new String[0] : scope.trim().split("\\s+"))),
                    Optional.ofNullable(claims.getStringClaim("patient")),
                    Optional.ofNullable(claims.getStringClaim("fhirUser")),
                    claims.getExpirationTime().toInstant());
        } catch (ParseException e) {
            throw new InvalidSandboxTokenException("The access token has a malformed claim: " + e.getMessage());
        }
    }

    /** Signs any claims with the authority's key (package-private so tests can forge near-miss tokens). */
    String sign(JOSEObjectType type, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                .type(type).build(), claims);
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a sandbox token", e);
        }
        return jwt.serialize();
    }

    private DefaultJWTProcessor<SecurityContext> accessTokenProcessor() {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(ACCESS_TOKEN_TYPE));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(publicJwkSet())));
        DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier = new DefaultJWTClaimsVerifier<>(fhirBase,
                new JWTClaimsSet.Builder().issuer(issuer.getValue()).build(),
                Set.of("sub", "exp", "iat", "jti", "client_id", "scope")) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claimsVerifier.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claimsVerifier);
        return processor;
    }
}
