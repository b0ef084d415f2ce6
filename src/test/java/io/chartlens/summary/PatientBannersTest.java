package io.chartlens.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The banner's Patient read, against a FHIR endpoint on loopback: one read per launch, shared by the launch
 * observer and every view of the page; a failed read fails the future with HAPI's exception (for the page to
 * explain) and is not kept, so the next view reads again.
 */
class PatientBannersTest {

    private static final String PATIENT = "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"name\":[{\"family\":\"Howell\","
            + "\"given\":[\"Deane\"]}],\"gender\":\"female\",\"birthDate\":\"1976-11-08\"}";

    private HttpServer server;
    private final AtomicInteger reads = new AtomicInteger();
    private volatile int status = 200;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private IGenericClient client;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/fhir/Patient/p1", exchange -> {
            reads.incrementAndGet();
            byte[] body = (status == 200 ? PATIENT : "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":"
                    + "\"error\",\"code\":\"exception\"}]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        FhirContext fhir = FhirContext.forR4Cached();
        fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        client = fhir.newRestfulGenericClient("http://127.0.0.1:" + server.getAddress().getPort() + "/fhir");
    }

    @AfterEach
    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Test
    void oneReadPerLaunchSharedByEveryView() throws Exception {
        PatientBanners banners = new PatientBanners();
        var first = banners.banner("launch-1", "p1", () -> client, executor);
        var again = banners.banner("launch-1", "p1", () -> {
            throw new AssertionError("no second client: the read is under way or done");
        }, executor);
        assertSame(first, again);
        PatientBanner banner = first.get(10, TimeUnit.SECONDS);
        assertTrue(banner.name().contains("Howell"), banner.name());
        assertEquals(1, reads.get());

        banners.banner("launch-2", "p1", () -> client, executor).get(10, TimeUnit.SECONDS);
        assertEquals(2, reads.get(), "another launch reads for itself");
    }

    @Test
    void aFailedReadFailsWithTheServersStatusAndIsReadAgainNextTime() throws Exception {
        PatientBanners banners = new PatientBanners();
        status = 500;
        var failed = banners.banner("launch-1", "p1", () -> client, executor);
        ExecutionException e = assertThrows(ExecutionException.class, () -> failed.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof BaseServerResponseException, String.valueOf(e.getCause()));
        assertEquals(500, ((BaseServerResponseException) e.getCause()).getStatusCode());

        status = 200;
        PatientBanner banner = banners.banner("launch-1", "p1", () -> client, executor).get(10, TimeUnit.SECONDS);
        assertTrue(banner.name().contains("Howell"), banner.name());
        assertEquals(2, reads.get());
    }
}
