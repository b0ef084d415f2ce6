package io.chartlens.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmartDiscoveryTest {

    private static final String CONFIGURATION = "{\"authorization_endpoint\":\"https://ehr.example.org/authorize\","
            + "\"token_endpoint\":\"https://ehr.example.org/token\",\"capabilities\":[\"launch-ehr\"],"
            + "\"code_challenge_methods_supported\":[\"S256\"]}";

    private HttpServer server;
    private String iss;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> acceptHeaders = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
        iss = "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void serve(String path, int status, String body) {
        server.createContext(path, exchange -> respond(exchange, status, body));
    }

    private void respond(HttpExchange exchange, int status, String body) throws IOException {
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
        acceptHeaders.add(exchange.getRequestHeaders().getFirst("Accept"));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Test
    void okResponseIsParsed() throws LaunchException {
        serve("/fhir/.well-known/smart-configuration", 200, CONFIGURATION);
        SmartConfiguration c = SmartDiscovery.fetch(iss);
        assertEquals(URI.create("https://ehr.example.org/authorize"), c.authorizationEndpoint());
        assertEquals(URI.create("https://ehr.example.org/token"), c.tokenEndpoint());
        assertEquals(List.of("GET /fhir/.well-known/smart-configuration"), requests);
        assertEquals(List.of("application/json"), acceptHeaders);
    }

    @Test
    void serverErrorIsDiscoveryFailed() {
        serve("/fhir/.well-known/smart-configuration", 500, "{\"error\":\"boom\"}");
        LaunchException e = assertThrows(LaunchException.class, () -> SmartDiscovery.fetch(iss));
        assertEquals(LaunchFailure.DISCOVERY_FAILED, e.failure());
        assertEquals("DISCOVERY_FAILED: smart-configuration returned HTTP 500", e.getMessage());
    }

    @Test
    void notFoundIsDiscoveryFailed() {
        LaunchException e = assertThrows(LaunchException.class, () -> SmartDiscovery.fetch(iss));
        assertEquals(LaunchFailure.DISCOVERY_FAILED, e.failure());
        assertEquals("DISCOVERY_FAILED: smart-configuration returned HTTP 404", e.getMessage());
    }

    @Test
    void invalidJsonIsDiscoveryFailed() {
        serve("/fhir/.well-known/smart-configuration", 200, "<html>hello</html>");
        LaunchException e = assertThrows(LaunchException.class, () -> SmartDiscovery.fetch(iss));
        assertEquals(LaunchFailure.DISCOVERY_FAILED, e.failure());
        assertTrue(e.getMessage().startsWith("DISCOVERY_FAILED: smart-configuration invalid: "), e.getMessage());
    }

    @Test
    void plainOnlyPkceIsDiscoveryFailed() {
        serve("/fhir/.well-known/smart-configuration", 200, "{\"authorization_endpoint\":\"https://e/a\","
                + "\"token_endpoint\":\"https://e/t\",\"code_challenge_methods_supported\":[\"plain\"]}");
        LaunchException e = assertThrows(LaunchException.class, () -> SmartDiscovery.fetch(iss));
        assertEquals(LaunchFailure.DISCOVERY_FAILED, e.failure());
    }

    @Test
    void redirectIsNotFollowed() {
        server.createContext("/fhir/.well-known/smart-configuration", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.getResponseHeaders().set("Location", iss.replace("/fhir", "") + "/elsewhere");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        serve("/elsewhere", 200, CONFIGURATION);

        LaunchException e = assertThrows(LaunchException.class, () -> SmartDiscovery.fetch(iss));
        assertEquals(LaunchFailure.DISCOVERY_FAILED, e.failure());
        assertEquals("DISCOVERY_FAILED: smart-configuration returned HTTP 302", e.getMessage());
        assertEquals(List.of("GET /fhir/.well-known/smart-configuration"), requests);
    }

    @Test
    void unreachableServerIsDiscoveryFailed() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        LaunchException e = assertThrows(LaunchException.class,
                () -> SmartDiscovery.fetch("http://127.0.0.1:" + closedPort + "/fhir"));
        assertEquals(LaunchFailure.DISCOVERY_FAILED, e.failure());
        assertTrue(e.getMessage().startsWith("DISCOVERY_FAILED: smart-configuration unreachable: "), e.getMessage());
    }

    @Test
    void nullInsideAListIsDroppedNotAnUncheckedException() throws Exception {
        // An EHR's JSON must never escape as an unchecked exception (a 500 instead of a page that says what to do).
        serve("/fhir/.well-known/smart-configuration", 200, "{\"authorization_endpoint\":\"https://e/a\","
                + "\"token_endpoint\":\"https://e/t\",\"capabilities\":[\"launch-ehr\",null],"
                + "\"code_challenge_methods_supported\":[null,\"S256\"]}");
        SmartConfiguration configuration = SmartDiscovery.fetch(iss);
        assertEquals(java.util.Set.of("launch-ehr"), configuration.capabilities());
        assertEquals(java.util.Set.of("S256"), configuration.codeChallengeMethods());
    }
}
