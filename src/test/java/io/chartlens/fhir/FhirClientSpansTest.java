package io.chartlens.fhir;

import static io.chartlens.fhir.FaultyEhr.A04;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import com.sun.net.httpserver.HttpServer;
import io.chartlens.fhir.FaultFilter.Fault;
import io.chartlens.system.telemetry.SpanAttributes;
import io.chartlens.testsupport.TestTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The FHIR request spans of a real record load: the loader and the interceptor against the sandbox FHIR server on
 * loopback ({@link FaultyEhr}), read back from an in-memory OpenTelemetry SDK.
 */
class FhirClientSpansTest {

    private static final String BEARER = "loader-test-user";
    private static final Set<String> SEARCHED_TYPES = Set.of("Patient", "Encounter", "Condition", "Observation",
            "MedicationRequest", "AllergyIntolerance", "Procedure", "Immunization", "DiagnosticReport",
            "DocumentReference", "metadata");

    private static ExecutorService executor;
    private TestTelemetry telemetry;

    @BeforeAll
    static void startExecutor() {
        executor = Executors.newFixedThreadPool(16);
    }

    @AfterAll
    static void stopExecutor() {
        executor.shutdownNow();
    }

    @BeforeEach
    void freshTelemetry() {
        FaultyEhr.FAULTS.reset();
        telemetry = new TestTelemetry();
    }

    @AfterEach
    void closeTelemetry() {
        telemetry.close();
    }

    @Test
    void aRecordLoadIsOneSpanWithAClientSpanPerRequestThatNamesNoPatient() throws Exception {
        IGenericClient client = traced(FaultyEhr.client());
        LoadedRecord record = new RecordLoader(executor, telemetry.telemetry()).load(client, A04,
                LoadPolicy.defaults());
        List<SpanData> requests = clientSpans(record.requests());

        assertEquals(record.requests(), requests.size(), () -> "one span per request: " + telemetry.names());
        for (SpanData span : requests) {
            assertEquals("GET", span.getAttributes().get(SpanAttributes.HTTP_REQUEST_METHOD), span.getName());
            assertEquals(200L, span.getAttributes().get(SpanAttributes.HTTP_RESPONSE_STATUS_CODE), span.getName());
            assertEquals("localhost", span.getAttributes().get(SpanAttributes.SERVER_ADDRESS));
            String type = span.getAttributes().get(FhirClientSpans.RESOURCE_TYPE);
            assertTrue(SEARCHED_TYPES.contains(type), span.getName() + " has resource type " + type);
            assertEquals("GET " + type, span.getName());
            assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
        }
        assertEquals(Set.of("Patient", "Encounter", "Condition", "Observation", "MedicationRequest",
                        "AllergyIntolerance", "Procedure", "Immunization", "DiagnosticReport", "DocumentReference",
                        "metadata"),
                requests.stream().map(s -> s.getAttributes().get(FhirClientSpans.RESOURCE_TYPE))
                        .collect(Collectors.toSet()));

        SpanData load = telemetry.only("fhir.record.load");
        assertEquals((long) record.requests(), load.getAttributes().get(
                io.opentelemetry.api.common.AttributeKey.longKey("chartlens.fhir.requests")));
        List<SpanData> sections = requests.stream()
                .filter(s -> !"metadata".equals(s.getAttributes().get(FhirClientSpans.RESOURCE_TYPE))).toList();
        for (SpanData section : sections) {
            assertEquals(load.getSpanId(), section.getParentSpanId(), "the section tasks carry the load's context");
            assertEquals(load.getTraceId(), section.getTraceId());
        }

        Patient patient = record.patient().orElseThrow();
        List<String> forbidden = new ArrayList<>(List.of(A04, BEARER, "Bearer", "patient=", "_count", "category",
                "/ehr/fhir", "http://", "?"));
        for (HumanName name : patient.getName()) {
            forbidden.add(name.getFamily());
            name.getGiven().forEach(given -> forbidden.add(given.getValue()));
        }
        TestTelemetry.assertCarriesNone(telemetry.spans(), forbidden.toArray(String[]::new));
    }

    @Test
    void anErrorStatusIsTheSpansErrorType() {
        FaultyEhr.FAULTS.on("Condition", Fault.status(500));

        LoadedRecord record = new RecordLoader(executor, telemetry.telemetry()).load(traced(FaultyEhr.client()), A04,
                LoadPolicy.defaults());
        clientSpans(record.requests());

        SpanData condition = telemetry.only("GET Condition");
        assertEquals(500L, condition.getAttributes().get(SpanAttributes.HTTP_RESPONSE_STATUS_CODE));
        assertEquals("500", condition.getAttributes().get(SpanAttributes.ERROR_TYPE));
        assertEquals(StatusCode.ERROR, condition.getStatus().getStatusCode());
        assertNull(telemetry.only("GET Encounter").getAttributes().get(SpanAttributes.ERROR_TYPE));
    }

    @Test
    void aRequestThatTimesOutEndsItsSpanWithTheCause() {
        FaultyEhr.FAULTS.on("Encounter", Fault.delay(2_000));

        LoadedRecord record = new RecordLoader(executor, telemetry.telemetry()).load(
                traced(FaultyEhr.impatientClient()), A04, LoadPolicy.defaults());
        clientSpans(record.requests());

        SpanData encounter = telemetry.only("GET Encounter");
        assertEquals("java.net.SocketTimeoutException", encounter.getAttributes().get(SpanAttributes.ERROR_TYPE));
        assertNull(encounter.getAttributes().get(SpanAttributes.HTTP_RESPONSE_STATUS_CODE), "no response came");
        assertEquals(StatusCode.ERROR, encounter.getStatus().getStatusCode());
    }

    @Test
    void aRequestOnAThreadWhoseLastOneGotNoAnswerEndsTheOldSpanFirst() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        IGenericClient refused = traced(context().newRestfulGenericClient("http://127.0.0.1:" + closedPort + "/fhir"));

        assertThrows(FhirClientConnectionException.class, () -> refused.read().resource(Patient.class).withId("x1")
                .execute());
        assertEquals(List.of(), telemetry.spans(), "no response hook: the span is still open");
        assertThrows(FhirClientConnectionException.class, () -> refused.read().resource(Patient.class).withId("x2")
                .execute());

        SpanData first = telemetry.spans().get(0);
        assertEquals("GET Patient", first.getName());
        assertEquals("no_response", first.getAttributes().get(SpanAttributes.ERROR_TYPE));
    }

    @Test
    void theRequestCarriesTheSpansTraceContextAndNoBaggage() throws Exception {
        List<String> traceparents = new CopyOnWriteArrayList<>();
        List<String> baggage = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fhir/Patient/", exchange -> {
            traceparents.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
            Optional.ofNullable(exchange.getRequestHeaders().getFirst("baggage")).ifPresent(baggage::add);
            byte[] body = "{\"resourceType\":\"Patient\",\"id\":\"p-1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            IGenericClient client = traced(context().newRestfulGenericClient(
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir"));
            client.read().resource(Patient.class).withId("p-1").execute();
        } finally {
            server.stop(0);
        }

        SpanData span = telemetry.only("GET Patient");
        assertEquals(SpanKind.CLIENT, span.getKind());
        assertEquals(List.of("00-" + span.getTraceId() + "-" + span.getSpanId() + "-01"), traceparents);
        assertEquals(List.of(), baggage);
    }

    @Test
    void theResourceTypeIsTheFirstSegmentUnderTheBaseOnly() {
        String base = "https://ehr.example.org/fhir/r4";
        assertEquals(Optional.of("Observation"), FhirClientSpans.resourceType(
                URI.create(base + "/Observation?patient=123&category=laboratory"), base));
        assertEquals(Optional.of("Patient"), FhirClientSpans.resourceType(URI.create(base + "/Patient/123"), base));
        assertEquals(Optional.of("metadata"), FhirClientSpans.resourceType(URI.create(base + "/metadata"), base + "/"));
        assertEquals(Optional.empty(), FhirClientSpans.resourceType(URI.create(base + "?_getpages=abc"), base));
        assertEquals(Optional.empty(), FhirClientSpans.resourceType(
                URI.create("https://other.example.org/fhir/r4/Patient/1"), base));
        assertEquals(Optional.empty(), FhirClientSpans.resourceType(URI.create(base + "/123abc/x"), base));
        assertFalse(FhirClientSpans.resourceType(URI.create(base + "/$everything"), base).isPresent());
    }

    private IGenericClient traced(IGenericClient client) {
        client.registerInterceptor(new FhirClientSpans(telemetry.tracer()));
        return client;
    }

    private static FhirContext context() {
        FhirContext context = FhirContext.forR4();
        context.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        context.getRestfulClientFactory().setConnectTimeout(2_000);
        return context;
    }

    /** The CLIENT spans, once {@code expected} have ended (the /metadata fetch runs beside the load). */
    private List<SpanData> clientSpans(int expected) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<SpanData> spans;
        do {
            spans = telemetry.spans().stream().filter(s -> s.getKind() == SpanKind.CLIENT).toList();
            if (spans.size() >= expected) {
                return spans;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return spans;
            }
        } while (System.nanoTime() < deadline);
        return spans;
    }
}
