package io.chartlens.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An EHR simulated on loopback that can misbehave on purpose (a boundary ChartLens does not own): bad id_token
 * signature, wrong nonce, no id_token, token errors, broken discovery, short-lived tokens. It records every request
 * so tests can assert which calls ChartLens made. Registered for the tests in src/test/smart-config/ehrs/fake-ehr.json.
 */
public final class FakeEhr implements AutoCloseable {

    /** How the fake EHR behaves for the next launches. */
    public enum Mode { OK, TOKEN_ERROR, BAD_ID_TOKEN_SIGNATURE, WRONG_NONCE, NO_ID_TOKEN, DISCOVERY_FAILS }

    public static final String CLIENT_ID = "chartlens-fake";
    public static final String CLIENT_SECRET = "test-only-secret-for-fake-ehr";
    public static final String PATIENT_ID = "fake-patient-1";

    private final HttpServer server;
    private final int port;
    private final RSAKey key;
    private final RSAKey foreignKey;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.OK;
    private volatile long expiresIn = 3600;
    private volatile String lastNonce;
    private volatile boolean needPatientBanner = true;

    public FakeEhr(int port) throws IOException, JOSEException {
        this.port = port;
        key = new RSAKeyGenerator(2048).keyID("fake-ehr").generate();
        foreignKey = new RSAKeyGenerator(2048).keyID("fake-ehr").generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeEhr start() throws IOException, JOSEException {
        return new FakeEhr(Integer.parseInt(System.getProperty("it.fake-ehr.port", "19443")));
    }

    public String iss() {
        return "http://127.0.0.1:" + port + "/fhir";
    }

    public void mode(Mode newMode) {
        mode = newMode;
    }

    public void needPatientBanner(boolean value) {
        needPatientBanner = value;
    }

    public void accessTokenLifetime(long seconds) {
        expiresIn = seconds;
    }

    /** "METHOD path" of every request received, oldest first (token requests add their grant type). */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public void clearRequests() {
        requests.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = Browserless.query("http://x/?" + body);
        requests.add(exchange.getRequestMethod() + " " + path
                + (form.containsKey("grant_type") ? " " + form.get("grant_type") : ""));
        try {
            switch (path) {
                case "/fhir/.well-known/smart-configuration" -> {
                    if (mode == Mode.DISCOVERY_FAILS) {
                        reply(exchange, 500, "text/plain", "broken");
                    } else {
                        reply(exchange, 200, "application/json", smartConfiguration());
                    }
                }
                case "/auth/authorize" -> authorize(exchange);
                case "/auth/token" -> token(exchange, form);
                case "/auth/jwks" -> reply(exchange, 200, "application/json",
                        new JWKSet(key.toPublicJWK()).toString());
                default -> {
                    if (path.startsWith("/fhir/Patient/")) {
                        reply(exchange, 200, "application/fhir+json", "{\"resourceType\":\"Patient\",\"id\":\""
                                + PATIENT_ID + "\",\"gender\":\"female\",\"birthDate\":\"1960-05-01\","
                                + "\"name\":[{\"use\":\"official\",\"family\":\"Fakeperson\",\"given\":[\"<script>alert(1)</script>Fiona\"]}]}");
                    } else {
                        reply(exchange, 404, "text/plain", "not found");
                    }
                }
            }
        } catch (JOSEException e) {
            reply(exchange, 500, "text/plain", e.getMessage());
        }
    }

    private String smartConfiguration() {
        String base = "http://127.0.0.1:" + port;
        return "{\"issuer\":\"" + base + "/auth\",\"jwks_uri\":\"" + base + "/auth/jwks\","
                + "\"authorization_endpoint\":\"" + base + "/auth/authorize\",\"token_endpoint\":\"" + base
                + "/auth/token\",\"code_challenge_methods_supported\":[\"S256\"],"
                + "\"capabilities\":[\"launch-ehr\",\"client-confidential-symmetric\",\"sso-openid-connect\"]}";
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> q = Browserless.query(exchange.getRequestURI().toString());
        lastNonce = q.get("nonce");
        String location = q.get("redirect_uri") + "?code=fake-code&state="
                + URLEncoder.encode(q.getOrDefault("state", ""), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange, Map<String, String> form) throws IOException, JOSEException {
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            reply(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        if (mode == Mode.TOKEN_ERROR) {
            reply(exchange, 400, "application/json", "{\"error\":\"invalid_grant\",\"error_description\":\"code expired\"}");
            return;
        }
        StringBuilder json = new StringBuilder("{\"access_token\":\"fake-access-").append(System.nanoTime())
                .append("\",\"token_type\":\"Bearer\",\"expires_in\":").append(expiresIn)
                .append(",\"scope\":\"launch openid fhirUser offline_access patient/*.rs\",\"refresh_token\":\"fake-refresh-")
                .append(System.nanoTime()).append("\",\"patient\":\"").append(PATIENT_ID).append("\"")
                .append(",\"need_patient_banner\":").append(needPatientBanner);
        if (mode != Mode.NO_ID_TOKEN && "authorization_code".equals(form.get("grant_type"))) {
            json.append(",\"id_token\":\"").append(idToken()).append('"');
        }
        reply(exchange, 200, "application/json", json.append('}').toString());
    }

    private String idToken() throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("http://127.0.0.1:" + port + "/auth").subject("fake-user").audience(CLIENT_ID)
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 300_000))
                .claim("nonce", mode == Mode.WRONG_NONCE ? "not-the-nonce" : lastNonce)
                .claim("fhirUser", iss() + "/Practitioner/fake-doctor").claim("name", "Dr Fake")
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("fake-ehr").build(), claims);
        jwt.sign(new RSASSASigner(mode == Mode.BAD_ID_TOKEN_SIGNATURE ? foreignKey : key));
        return jwt.serialize();
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
