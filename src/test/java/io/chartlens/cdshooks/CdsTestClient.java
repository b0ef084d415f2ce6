package io.chartlens.cdshooks;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import io.chartlens.testsupport.Browserless;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;
import net.minidev.json.JSONObject;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;

/**
 * A CDS Hooks 2.0 client for tests and the benchmark: it signs a fresh JWT per call with the sandbox CDS client's
 * committed development keys ({@code smart-config/sandbox/cds-client.private.jwks.json}), runs the service's prefetch
 * templates against a FHIR server as an EHR would, and calls discovery, the hook and feedback over HTTP.
 */
public final class CdsTestClient {

    public static final String SERVICE = "/cds-services/" + CdsDiscovery.SERVICE_ID;
    public static final String KEYS = "smart-config/sandbox/cds-client.private.jwks.json";
    /** The sandbox's well-known development client secret (smart-config/sandbox/clients.json). */
    private static final String SANDBOX_BASIC_SECRET =
            "well-known-development-secret-chartlens-sandbox-basic-NOT-FOR-PRODUCTION";

    private final String base;
    private final String iss;
    private final JWKSet keys;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** @param base ChartLens's base URL, e.g. {@code http://localhost:9080}; the client's iss is the sandbox one */
    public CdsTestClient(String base) throws Exception {
        this(base, base + "/sandbox/cds-client", JWKSet.parse(Files.readString(Path.of(KEYS))));
    }

    public CdsTestClient(String base, String iss, JWKSet keys) {
        this.base = base;
        this.iss = iss;
        this.keys = keys;
    }

    public String base() {
        return base;
    }

    /** A JWT for one call to {@code path} (e.g. {@link #SERVICE}), ES384 unless another key's algorithm is asked. */
    public String jwt(String path) throws Exception {
        return jwt(path, JWSAlgorithm.ES384, c -> c);
    }

    public String jwt(String path, JWSAlgorithm algorithm, UnaryOperator<JWTClaimsSet.Builder> change)
            throws Exception {
        JWK key = keys.getKeys().stream().filter(k -> algorithm.equals(k.getAlgorithm())).findFirst().orElseThrow();
        Instant now = Instant.now();
        JWTClaimsSet claims = change.apply(new JWTClaimsSet.Builder().issuer(iss).subject("sandbox-ehr")
                .audience(base + path).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(120)))
                .jwtID(UUID.randomUUID().toString())).build();
        JWSSigner signer = key instanceof com.nimbusds.jose.jwk.ECKey ec ? new ECDSASigner(ec)
                : new RSASSASigner(key.toRSAKey());
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).type(JOSEObjectType.JWT)
                .build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    public HttpResponse<String> discovery() throws Exception {
        return get("/cds-services", "Bearer " + jwt("/cds-services"));
    }

    public HttpResponse<String> hook(String body) throws Exception {
        return post(SERVICE, body, "Bearer " + jwt(SERVICE));
    }

    public HttpResponse<String> feedback(String body) throws Exception {
        return post(SERVICE + "/feedback", body, "Bearer " + jwt(SERVICE + "/feedback"));
    }

    public HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A patient-view request.
     *
     * @param fhirServer    null to leave it out
     * @param accessToken   null for no fhirAuthorization
     * @param prefetch      null for no prefetch
     */
    public static String hookRequest(String fhirServer, String accessToken, String patientId, String encounterId,
                                     JSONObject prefetch) {
        JSONObject context = new JSONObject();
        context.put("userId", "Practitioner/sandbox-clinician");
        context.put("patientId", patientId);
        if (encounterId != null) {
            context.put("encounterId", encounterId);
        }
        JSONObject request = new JSONObject();
        request.put("hook", "patient-view");
        request.put("hookInstance", UUID.randomUUID().toString());
        if (fhirServer != null) {
            request.put("fhirServer", fhirServer);
        }
        if (accessToken != null) {
            JSONObject authorization = new JSONObject();
            authorization.put("access_token", accessToken);
            authorization.put("token_type", "Bearer");
            authorization.put("expires_in", 300);
            authorization.put("scope", "patient/*.rs");
            authorization.put("subject", "chartlens-cds");
            request.put("fhirAuthorization", authorization);
        }
        request.put("context", context);
        if (prefetch != null) {
            request.put("prefetch", prefetch);
        }
        return request.toJSONString();
    }

    /**
     * An access token for one patient from the sandbox EHR, as an EHR would mint for its CDS service: a real EHR launch
     * of the sandbox's development client {@code chartlens-sandbox-basic} (client_secret_basic), up to the token
     * response.
     */
    public static String sandboxAccessToken(String base, String patientId) throws Exception {
        Browserless browser = new Browserless();
        String frame = Browserless.attributeOf(browser.get(base + "/sandbox/launch?patient=" + patientId).body(),
                "chartlens-frame", "src");
        String launch = Browserless.query(base + frame).get("launch");
        CodeVerifier verifier = new CodeVerifier();
        URI redirect = URI.create(base + "/callback");
        ClientID client = new ClientID("chartlens-sandbox-basic");
        URI authorize = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), client)
                .endpointURI(URI.create(base + "/sandbox/auth/authorize"))
                .redirectionURI(redirect)
                .scope(Scope.parse("launch patient/*.rs"))
                .state(new State())
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .customParameter("aud", base + "/sandbox/fhir")
                .customParameter("launch", launch)
                .build().toURI();
        String code = Browserless.query(Browserless.location(browser.get(authorize.toString()))).get("code");
        TokenResponse response = TokenResponse.parse(new TokenRequest(URI.create(base + "/sandbox/auth/token"),
                new ClientSecretBasic(client, new Secret(SANDBOX_BASIC_SECRET)),
                new AuthorizationCodeGrant(new AuthorizationCode(code), redirect, verifier)).toHTTPRequest().send());
        if (!response.indicatesSuccess()) {
            throw new IllegalStateException("no sandbox token: " + response.toErrorResponse().getErrorObject());
        }
        return response.toSuccessResponse().getTokens().getAccessToken().getValue();
    }

    /**
     * Runs every prefetch template for the patient against a FHIR server as an EHR would: the Patient read, each
     * search with all its pages merged into one searchset Bundle (prefetch may not be paged).
     */
    public static JSONObject prefetch(IGenericClient fhir, String patientId) throws Exception {
        JSONObject prefetch = new JSONObject();
        var parser = fhir.getFhirContext().newJsonParser();
        for (PrefetchTemplate template : PrefetchTemplate.values()) {
            String json;
            if (template == PrefetchTemplate.PATIENT) {
                json = parser.encodeResourceToString(fhir.read().resource(Patient.class).withId(patientId).execute());
            } else {
                Bundle all = fhir.search().byUrl(template.forPatient(patientId)).returnBundle(Bundle.class).execute();
                for (Bundle page = all; page.getLink(Bundle.LINK_NEXT) != null; ) {
                    page = fhir.loadPage().next(page).execute();
                    all.getEntry().addAll(page.getEntry());
                }
                all.getLink().clear();
                all.setTotal(all.getEntry().size());
                json = parser.encodeResourceToString(all);
            }
            prefetch.put(template.key(), com.nimbusds.oauth2.sdk.util.JSONObjectUtils.parse(json));
        }
        return prefetch;
    }
}
