package io.chartlens.cdshooks;

import static io.chartlens.testsupport.Browserless.attributeOf;
import static io.chartlens.testsupport.Browserless.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpServer;
import io.chartlens.system.audit.ServerAuditRows;
import io.chartlens.testsupport.Browserless;
import io.chartlens.testsupport.Deployments;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The CDS Hooks service on the deployed app, called by a test CDS client that signs its JWTs with the sandbox CDS
 * client's development keys: discovery; the hook with a prefetch read from the sandbox FHIR server, and without one
 * (the service reads the record with {@code fhirAuthorization}); feedback into the feedback log; the card's SMART link
 * followed through a real sandbox EHR launch to the summary page; and every refusal with its status and reason.
 */
@ExtendWith(ArquillianExtension.class)
class CdsHooksIT {

    private static final String BASE = Deployments.baseUrl();
    private static final String FHIR = BASE + "/sandbox/fhir";
    /** Trey Berge, 107, AF on warfarin: a HAS-BLED alert and an open flu gap (see PatientViewCardsTest). */
    private static final String TREY = "f46d1649-8a02-4de8-8cff-f76fae267d3a";

    private static CdsTestClient cds;
    private static String token;
    private static JSONObject prefetch;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.chartlens();
    }

    @BeforeAll
    static void client() throws Exception {
        cds = new CdsTestClient(BASE);
        token = CdsTestClient.sandboxAccessToken(BASE, TREY);
        FhirContext context = FhirContext.forR4();
        context.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        IGenericClient fhir = context.newRestfulGenericClient(FHIR);
        fhir.registerInterceptor(new BearerTokenAuthInterceptor(token));
        prefetch = CdsTestClient.prefetch(fhir, TREY);
    }

    @Test
    void discoveryListsThePatientViewServiceAndAnswersCors() throws Exception {
        HttpResponse<String> discovery = cds.discovery();
        assertEquals(200, discovery.statusCode(), discovery.body());
        assertEquals("*", discovery.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        JSONObject service = (JSONObject) ((JSONArray) json(discovery).get("services")).get(0);
        assertEquals("chartlens-patient-view", service.get("id"));
        assertEquals("patient-view", service.get("hook"));
        assertEquals("Patient/{{context.patientId}}", ((JSONObject) service.get("prefetch")).get("patient"));
        HttpResponse<String> preflight = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(BASE + CdsTestClient.SERVICE)).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://ehr.example.org").header("Access-Control-Request-Method", "POST").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, preflight.statusCode());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Authorization"));
        assertTrue(preflight.headers().allValues("Set-Cookie").isEmpty(), "no session on the CDS Hooks paths");
    }

    @Test
    void withPrefetchTheCardsNeedNoFhirRequestAndTheirSmartLinkOpensTheSummary() throws Exception {
        long audited = ServerAuditRows.count(TREY);
        HttpResponse<String> response = cds.hook(CdsTestClient.hookRequest(FHIR, null, TREY, null, prefetch));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Server-Timing").orElse("").contains("requests;desc=0"),
                response.headers().map().toString());
        JSONArray cards = (JSONArray) json(response).get("cards");
        assertEquals(List.of("warning", "info"), cards.stream().map(c -> ((JSONObject) c).get("indicator")).toList());
        JSONObject hasbled = (JSONObject) cards.get(0);
        assertTrue(((String) hasbled.get("summary")).startsWith("HAS-BLED: "), hasbled.toJSONString());
        assertTrue(((String) ((JSONObject) hasbled.get("source")).get("label")).startsWith("Pisters R"));
        assertTrue(((String) ((JSONObject) cards.get(1)).get("summary")).startsWith("Care gap: Influenza"));
        for (Object c : cards) {
            assertTrue(((String) ((JSONObject) c).get("summary")).length() < 140);
        }
        ServerAuditRows.Row audit = ServerAuditRows.recent(TREY, 1).get(0);
        assertEquals(audited + 1, ServerAuditRows.count(TREY));
        assertEquals("cds-client:" + BASE + "/sandbox/cds-client", audit.actor());
        assertEquals("READ_RECORD", audit.action());
        assertEquals("SUCCESS", audit.outcome());

        // the CDS client launches the smart link as an EHR launch: the app's URL plus iss and launch
        JSONObject link = (JSONObject) ((JSONArray) hasbled.get("links")).get(0);
        assertEquals("smart", link.get("type"));
        assertEquals(BASE + "/launch", link.get("url"));
        Browserless browser = new Browserless();
        String frame = attributeOf(browser.get(BASE + "/sandbox/launch?patient=" + TREY).body(), "chartlens-frame",
                "src");
        var launchParameters = query(BASE + frame);
        HttpResponse<String> summary = browser.follow(link.get("url") + "?iss="
                + URLEncoder.encode(launchParameters.get("iss"), StandardCharsets.UTF_8) + "&launch="
                + URLEncoder.encode(launchParameters.get("launch"), StandardCharsets.UTF_8));
        assertEquals(200, summary.statusCode(), summary.body());
        assertTrue(summary.uri().getPath().equals("/summary"), summary.uri().toString());
        assertTrue(summary.body().contains("id=\"patient-name\""), "the patient banner");
        assertTrue(summary.body().contains("Berge"), "Trey Berge's summary");
    }

    @Test
    void withoutPrefetchTheServiceReadsTheRecordWithFhirAuthorization() throws Exception {
        HttpResponse<String> withPrefetch = cds.hook(CdsTestClient.hookRequest(FHIR, null, TREY, null, prefetch));
        HttpResponse<String> fetched = cds.hook(CdsTestClient.hookRequest(FHIR, token, TREY, null, null));
        assertEquals(200, fetched.statusCode(), fetched.body());
        assertFalse(fetched.headers().firstValue("Server-Timing").orElse("").contains("requests;desc=0"));
        assertEquals(summaries(withPrefetch), summaries(fetched));
        HttpResponse<String> neither = cds.hook(CdsTestClient.hookRequest(FHIR, null, TREY, null, null));
        assertRefused(neither, 412, "PREFETCH_MISSING");
        assertTrue(neither.body().contains("patient"), neither.body());
    }

    @Test
    void feedbackIsWrittenToTheFeedbackLogAndAnUnknownCardWritesNothing() throws Exception {
        JSONArray cards = (JSONArray) json(cds.hook(CdsTestClient.hookRequest(FHIR, null, TREY, null, prefetch)))
                .get("cards");
        JSONObject hasbled = (JSONObject) cards.get(0);
        JSONObject flu = (JSONObject) cards.get(1);
        String suggestion = (String) ((JSONObject) ((JSONArray) flu.get("suggestions")).get(0)).get("uuid");
        long before = feedbackRows(TREY);
        HttpResponse<String> recorded = cds.feedback("""
                {"feedback": [
                  {"card": "%s", "outcome": "overridden", "outcomeTimestamp": "%s",
                   "overrideReason": {"reason": {"system": "https://chartlens.io/fhir/CodeSystem/override-reason",
                     "code": "already-addressed"}, "userComment": "Reviewed on the ward round"}},
                  {"card": "%s", "outcome": "accepted", "acceptedSuggestions": [{"id": "%s"}],
                   "outcomeTimestamp": "%s"}]}""".formatted(hasbled.get("uuid"), Instant.now(), flu.get("uuid"),
                suggestion, Instant.now()));
        assertEquals(200, recorded.statusCode(), recorded.body());
        assertEquals(before + 2, feedbackRows(TREY));
        assertEquals(List.of("cds-client:" + BASE + "/sandbox/cds-client|hasbled|OVERRIDDEN|already-addressed",
                "cds-client:" + BASE + "/sandbox/cds-client|flu|ACCEPTED|null"), lastFeedback(TREY, 2));

        HttpResponse<String> unknown = cds.feedback("""
                {"feedback": [{"card": "%s", "outcome": "overridden", "outcomeTimestamp": "%s"},
                  {"card": "%s", "outcome": "overridden", "outcomeTimestamp": "%s"}]}""".formatted(
                hasbled.get("uuid"), Instant.now(), UUID.randomUUID(), Instant.now()));
        assertRefused(unknown, 400, "UNKNOWN_CARD");
        assertEquals(before + 2, feedbackRows(TREY), "nothing of a refused request is written");
    }

    @Test
    void badJwtsAreRefusedWith401() throws Exception {
        String body = CdsTestClient.hookRequest(FHIR, null, TREY, null, prefetch);
        assertRefused(cds.post(CdsTestClient.SERVICE, body, null), 401, "MISSING_TOKEN");
        ECKey stranger = new ECKeyGenerator(Curve.P_384).keyID(sandboxEsKid()).generate();
        assertRefused(cds.post(CdsTestClient.SERVICE, body, "Bearer " + signed(stranger, BASE + "/sandbox/cds-client",
                BASE + CdsTestClient.SERVICE)), 401, "BAD_SIGNATURE");
        assertRefused(cds.post(CdsTestClient.SERVICE, body, "Bearer " + cds.jwt("/cds-services")), 401,
                "WRONG_AUDIENCE");
        assertRefused(cds.post(CdsTestClient.SERVICE, body, "Bearer " + cds.jwt(CdsTestClient.SERVICE,
                JWSAlgorithm.RS384, c -> c.issueTime(Date.from(Instant.now().minusSeconds(600)))
                        .expirationTime(Date.from(Instant.now().minusSeconds(300))))), 401, "TOKEN_EXPIRED");
        String once = cds.jwt(CdsTestClient.SERVICE);
        assertEquals(200, cds.post(CdsTestClient.SERVICE, body, "Bearer " + once).statusCode());
        assertRefused(cds.post(CdsTestClient.SERVICE, body, "Bearer " + once), 401, "TOKEN_REPLAYED");
        assertRefused(cds.post(CdsTestClient.SERVICE, body, "Bearer " + cds.jwt(CdsTestClient.SERVICE,
                JWSAlgorithm.ES384, c -> c.issuer("https://unknown.example.org"))), 401, "UNKNOWN_CLIENT");
        assertRefused(cds.get("/cds-services", null), 401, "MISSING_TOKEN");
    }

    @Test
    void malformedRequestsAre400WithAJsonReason() throws Exception {
        assertRefused(cds.hook("not json"), 400, "MALFORMED_REQUEST");
        assertRefused(cds.hook("""
                {"hook": "patient-view", "hookInstance": "%s", "context": {"userId": "Practitioner/x"}}"""
                .formatted(UUID.randomUUID())), 400, "MALFORMED_REQUEST");
        assertRefused(cds.hook("""
                {"hook": "order-sign", "hookInstance": "%s", "context": {}}""".formatted(UUID.randomUUID())), 400,
                "UNSUPPORTED_HOOK");
        assertRefused(cds.feedback("{\"feedback\": []}"), 400, "MALFORMED_REQUEST");
    }

    @Test
    void anUnregisteredFhirServerIsRefusedAndNeverContacted() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer rogue = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        rogue.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        rogue.start();
        try {
            String fhirServer = "http://127.0.0.1:" + rogue.getAddress().getPort() + "/fhir";
            HttpResponse<String> refused = cds.hook(CdsTestClient.hookRequest(fhirServer, token, TREY, null, null));
            assertRefused(refused, 403, "UNKNOWN_FHIR_SERVER");
            assertEquals(0, requests.get(), "no request to an unregistered FHIR server");
        } finally {
            rogue.stop(0);
        }
    }

    private static List<String> summaries(HttpResponse<String> response) throws Exception {
        return ((JSONArray) json(response).get("cards")).stream()
                .map(c -> ((JSONObject) c).get("indicator") + " " + ((JSONObject) c).get("summary")).toList();
    }

    private static void assertRefused(HttpResponse<String> response, int status, String error) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JSONObject body = json(response);
        assertEquals(error, body.get("error"), response.body());
        assertTrue(body.get("reason") instanceof String reason && !reason.isBlank(), response.body());
        if (status == 401) {
            assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        }
    }

    private static JSONObject json(HttpResponse<String> response) throws Exception {
        return JSONObjectUtils.parse(response.body());
    }

    private static String sandboxEsKid() throws Exception {
        return JWKSet.parse(Files.readString(Path.of(CdsTestClient.KEYS))).getKeys().stream()
                .filter(k -> "ES384".equals(k.getAlgorithm().getName())).findFirst().orElseThrow().getKeyID();
    }

    private static String signed(ECKey key, String iss, String aud) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES384).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), new JWTClaimsSet.Builder().issuer(iss).audience(aud)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(60)))
                .jwtID(UUID.randomUUID().toString()).build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private static long feedbackRows(String patientId) throws Exception {
        try (Connection c = DriverManager.getConnection(ServerAuditRows.url(ServerAuditRows.itDatabaseDir()),
                "chartlens", "");
             PreparedStatement s = c.prepareStatement("select count(*) from feedback_event where patient_id = ?")) {
            s.setString(1, patientId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** actor|rule|outcome|reason of the newest rows, oldest first. */
    private static List<String> lastFeedback(String patientId, int n) throws Exception {
        try (Connection c = DriverManager.getConnection(ServerAuditRows.url(ServerAuditRows.itDatabaseDir()),
                "chartlens", "");
             PreparedStatement s = c.prepareStatement("select actor, rule_id, outcome, reason from feedback_event"
                     + " where patient_id = ? order by id desc fetch first ? rows only")) {
            s.setString(1, patientId);
            s.setInt(2, n);
            List<String> rows = new java.util.ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(0, r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3) + "|" + r.getString(4));
                }
            }
            return rows;
        }
    }
}
