package io.chartlens.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.sun.net.httpserver.HttpServer;
import io.chartlens.record.ReferenceDate;
import io.chartlens.system.telemetry.SpanAttributes;
import io.chartlens.testsupport.TestTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The launch's spans: what they name (registration, launch type, grant, host, status, failure reason) and that a
 * failure's message, the iss, codes, tokens and the patient stay out of them. The token span runs the real
 * {@link TokenExchange} against a token endpoint on loopback.
 */
class LaunchSpansTest {

    private static final String ISS_WITH_PATIENT = "https://ehr.example.org/fhir?patient=pat-4711";
    private static final String ACCESS_TOKEN = "access-7f3a9c";
    private static final String REFRESH_TOKEN = "refresh-51be02";
    private static final String CODE = "code-e1d2c3";
    private static final String PATIENT = "pat-4711";
    private static final String ID_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln";
    private static final String SECRET = "client-secret-9d8e";

    private final TestTelemetry telemetry = new TestTelemetry();
    private HttpServer tokenEndpoint;

    @AfterEach
    void stop() {
        if (tokenEndpoint != null) {
            tokenEndpoint.stop(0);
        }
        telemetry.close();
    }

    @Test
    void aFailedBeginNamesTheFailureAndTheLaunchTypeButNotTheIssOrTheMessage() {
        LaunchException thrown = assertThrows(LaunchException.class, () ->
                LaunchSpans.begin(telemetry.tracer(), LaunchType.EHR, () -> {
                    throw new LaunchException(LaunchFailure.UNKNOWN_ISS, "iss not registered: " + ISS_WITH_PATIENT);
                }));

        assertEquals(LaunchFailure.UNKNOWN_ISS, thrown.failure());
        SpanData span = telemetry.only(LaunchSpans.BEGIN);
        assertEquals("UNKNOWN_ISS", span.getAttributes().get(SpanAttributes.ERROR_TYPE));
        assertEquals("EHR", span.getAttributes().get(LaunchSpans.LAUNCH_TYPE));
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        assertNull(span.getAttributes().get(SpanAttributes.EHR_ID), "an unknown iss has no registration to name");
        assertEquals(List.of(), span.getEvents(), "no exception event: its message quotes the iss");
        TestTelemetry.assertCarriesNone(telemetry.spans(), "ehr.example.org", PATIENT, "not registered");
    }

    @Test
    void aCompletedLaunchNamesItsRegistrationAndTypeAndHoldsTheTokenRequest() throws Exception {
        startTokenEndpoint(200, successBody());
        TokenExchange tokens = tokens();

        String result = LaunchSpans.complete(telemetry.tracer(), () -> {
            LaunchSpans.describe("test-ehr", LaunchType.STANDALONE);
            tokens.send(registration(), endpoint(), new AuthorizationCodeGrant(new AuthorizationCode(CODE),
                    URI.create("http://localhost:9080/callback"), new CodeVerifier()), LaunchFailure.TOKEN_EXCHANGE_FAILED);
            return "done";
        });

        assertEquals("done", result);
        SpanData complete = telemetry.only(LaunchSpans.COMPLETE);
        assertEquals("test-ehr", complete.getAttributes().get(SpanAttributes.EHR_ID));
        assertEquals("STANDALONE", complete.getAttributes().get(LaunchSpans.LAUNCH_TYPE));
        assertNull(complete.getAttributes().get(SpanAttributes.ERROR_TYPE));
        SpanData token = telemetry.only(LaunchSpans.TOKEN);
        assertEquals(complete.getSpanId(), token.getParentSpanId());
        assertEquals(SpanKind.CLIENT, token.getKind());
        assertEquals("test-ehr", token.getAttributes().get(SpanAttributes.EHR_ID));
        assertEquals("authorization_code", token.getAttributes().get(LaunchSpans.GRANT_TYPE));
        assertEquals("POST", token.getAttributes().get(SpanAttributes.HTTP_REQUEST_METHOD));
        assertEquals("127.0.0.1", token.getAttributes().get(SpanAttributes.SERVER_ADDRESS));
        assertEquals(200L, token.getAttributes().get(SpanAttributes.HTTP_RESPONSE_STATUS_CODE));
        assertCarriesNoSecret();
    }

    @Test
    void aRefusedRefreshIsTheRefreshFailureWithTheEndpointsStatus() throws Exception {
        startTokenEndpoint(400, "{\"error\":\"invalid_grant\",\"error_description\":\"token " + REFRESH_TOKEN
                + " of patient " + PATIENT + " expired\"}");

        LaunchException thrown = assertThrows(LaunchException.class, () -> tokens().send(registration(), endpoint(),
                new RefreshTokenGrant(new RefreshToken(REFRESH_TOKEN)), LaunchFailure.TOKEN_REFRESH_FAILED));

        assertEquals(LaunchFailure.TOKEN_REFRESH_FAILED, thrown.failure());
        SpanData token = telemetry.only(LaunchSpans.TOKEN);
        assertEquals("refresh_token", token.getAttributes().get(LaunchSpans.GRANT_TYPE));
        assertEquals(400L, token.getAttributes().get(SpanAttributes.HTTP_RESPONSE_STATUS_CODE));
        assertEquals("TOKEN_REFRESH_FAILED", token.getAttributes().get(SpanAttributes.ERROR_TYPE));
        assertEquals(StatusCode.ERROR, token.getStatus().getStatusCode());
        assertCarriesNoSecret();
    }

    @Test
    void anUnreachableTokenEndpointIsTheExchangeFailureWithoutAStatus() throws Exception {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/token");
        }

        assertThrows(LaunchException.class, () -> tokens().send(registration(), closed, new AuthorizationCodeGrant(
                new AuthorizationCode(CODE), URI.create("http://localhost:9080/callback"), new CodeVerifier()),
                LaunchFailure.TOKEN_EXCHANGE_FAILED));

        SpanData token = telemetry.only(LaunchSpans.TOKEN);
        assertEquals("TOKEN_EXCHANGE_FAILED", token.getAttributes().get(SpanAttributes.ERROR_TYPE));
        assertNull(token.getAttributes().get(SpanAttributes.HTTP_RESPONSE_STATUS_CODE));
        assertCarriesNoSecret();
    }

    @Test
    void aStepsUncheckedFailureIsItsClassAndPassesThrough() {
        IllegalStateException failure = new IllegalStateException("state of " + PATIENT);

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () ->
                LaunchSpans.complete(telemetry.tracer(), () -> {
                    throw failure;
                }));

        assertSame(failure, thrown);
        SpanData span = telemetry.only(LaunchSpans.COMPLETE);
        assertEquals(IllegalStateException.class.getName(), span.getAttributes().get(SpanAttributes.ERROR_TYPE));
        TestTelemetry.assertCarriesNone(telemetry.spans(), PATIENT);
    }

    private void assertCarriesNoSecret() {
        assertTrue(telemetry.spans().size() >= 1);
        TestTelemetry.assertCarriesNone(telemetry.spans(), ACCESS_TOKEN, REFRESH_TOKEN, CODE, PATIENT, "eyJ", SECRET,
                "/token", "http://", "invalid_grant", "expired");
    }

    private TokenExchange tokens() {
        TokenExchange tokens = new TokenExchange();
        tokens.telemetry = telemetry.telemetry();
        return tokens;
    }

    private static EhrRegistration registration() {
        return new EhrRegistration("test-ehr", "Test EHR", "https://ehr.example.org/fhir", new ClientID("client-1"),
                ClientCredentials.clientSecretBasic(new Secret(SECRET)), new Scope("launch", "openid"),
                new Scope("launch/patient", "openid"), List.of(), true, ReferenceDate.Mode.NOW);
    }

    private static String successBody() {
        return "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                + "\"refresh_token\":\"" + REFRESH_TOKEN + "\",\"patient\":\"" + PATIENT + "\",\"id_token\":\""
                + ID_TOKEN + "\",\"scope\":\"launch openid patient/*.rs\"}";
    }

    private void startTokenEndpoint(int status, String body) throws IOException {
        tokenEndpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tokenEndpoint.createContext("/token", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        tokenEndpoint.start();
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + tokenEndpoint.getAddress().getPort() + "/token");
    }
}
