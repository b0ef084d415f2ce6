package io.chartlens.sandbox.fhir;

import static io.chartlens.sandbox.fhir.SandboxTestServer.A04;
import static io.chartlens.sandbox.fhir.SandboxTestServer.A04_TOKEN;
import static io.chartlens.sandbox.fhir.SandboxTestServer.USER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The benchmark's replay of sandbox answers, in front of the real sandbox FHIR server on loopback (Jetty). */
class SandboxResponseReplayTest {

    private final AtomicInteger reachedServer = new AtomicInteger();
    private final HttpClient http = HttpClient.newHttpClient();
    private Server server;
    private SandboxResponseReplay replay;
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = new Server(0);
        ServletContextHandler context = new ServletContextHandler("/");
        replay = new SandboxResponseReplay(SandboxTestServer::verify);
        context.addFilter(new FilterHolder(replay), "/sandbox/fhir/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new HttpFilter() {
            @Override
            protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                reachedServer.incrementAndGet();
                chain.doFilter(request, response);
            }
        }), "/sandbox/fhir/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new SandboxFhirServer(SandboxTestServer.store(), SandboxTestServer::verify)),
                "/sandbox/fhir/*");
        server.setHandler(context);
        server.start();
        base = "http://localhost:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/sandbox/fhir";
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    private HttpResponse<byte[]> get(String path, String token, String acceptEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/fhir+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Bundle bundle(HttpResponse<byte[]> response) throws IOException {
        byte[] body = response.body();
        if (response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            }
        }
        return SandboxFhirContext.get().newJsonParser().parseResource(Bundle.class,
                new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aRepeatedSearchUnderTheSameGrantIsAnsweredWithTheRecordedBytes() throws Exception {
        String search = "/Condition?patient=" + A04 + "&_count=5";
        HttpResponse<byte[]> first = get(search, A04_TOKEN, null);
        HttpResponse<byte[]> second = get(search, A04_TOKEN, null);

        assertEquals(200, first.statusCode());
        assertEquals(200, second.statusCode());
        assertEquals(1, reachedServer.get(), "the second answer must not reach the FHIR server");
        assertArrayEquals(first.body(), second.body());
        assertEquals(first.headers().firstValue("Content-Type"), second.headers().firstValue("Content-Type"));
        assertTrue(bundle(second).getEntry().size() > 0, "a real search result was replayed");
    }

    @Test
    void gzippedAnswersAreReplayedWithTheirEncoding() throws Exception {
        String search = "/Observation?patient=" + A04 + "&category=vital-signs";
        HttpResponse<byte[]> first = get(search, A04_TOKEN, "gzip");
        HttpResponse<byte[]> second = get(search, A04_TOKEN, "gzip");

        assertEquals(1, reachedServer.get());
        assertEquals(first.headers().firstValue("Content-Encoding"), second.headers().firstValue("Content-Encoding"));
        assertEquals(bundle(first).getEntry().size(), bundle(second).getEntry().size());
    }

    @Test
    void anotherGrantOrQueryOrEncodingIsNotReplayed() throws Exception {
        get("/Patient/" + A04, A04_TOKEN, null);
        get("/Patient/" + A04, USER_TOKEN, null);         // another grant
        get("/Patient/" + A04 + "?_format=json", A04_TOKEN, null); // another query
        get("/Patient/" + A04, A04_TOKEN, "gzip");         // another encoding

        assertEquals(4, reachedServer.get());
    }

    @Test
    void failuresAndRequestsWithoutAVerifiableTokenAreNeverReplayed() throws Exception {
        assertEquals(401, get("/Patient/" + A04, null, null).statusCode());
        assertEquals(401, get("/Patient/" + A04, null, null).statusCode());
        assertEquals(401, get("/Patient/" + A04, "forged", null).statusCode());
        assertEquals(401, get("/Patient/" + A04, "forged", null).statusCode());
        assertEquals(404, get("/Patient/no-such-patient", USER_TOKEN, null).statusCode());
        assertEquals(404, get("/Patient/no-such-patient", USER_TOKEN, null).statusCode());

        assertEquals(6, reachedServer.get());
        assertEquals(0, replay.size());
    }

    @Test
    void aWriteForgetsEveryRecording() throws Exception {
        get("/Patient/" + A04, A04_TOKEN, null);
        assertEquals(1, replay.size());

        http.send(HttpRequest.newBuilder(URI.create(base))
                .header("Authorization", "Bearer " + A04_TOKEN)
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Bundle\",\"type\":\"transaction\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(0, replay.size());
        get("/Patient/" + A04, A04_TOKEN, null);

        assertEquals(3, reachedServer.get(), "read, transaction, read again from the server");
    }
}
