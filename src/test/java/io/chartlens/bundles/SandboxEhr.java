package io.chartlens.bundles;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import io.chartlens.fhir.LoadPolicy;
import io.chartlens.fhir.RecordLoader;
import io.chartlens.record.ObservationCatalog;
import io.chartlens.record.ObservationReader;
import io.chartlens.record.PatientRecord;
import io.chartlens.record.RecordAssembler;
import io.chartlens.record.ReferenceDate;
import io.chartlens.sandbox.auth.InvalidSandboxTokenException;
import io.chartlens.sandbox.auth.SandboxAccessToken;
import io.chartlens.sandbox.fhir.SandboxFhirServer;
import io.chartlens.sandbox.fhir.SandboxStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real sandbox EHR for one test: a fresh in-memory store of the committed sandbox patients behind the real
 * {@link SandboxFhirServer}, in Jetty on loopback, so that what one test writes is never seen by another. Records are
 * loaded by the real {@link RecordLoader} and assembled with the shipped observation catalog.
 */
final class SandboxEhr implements AutoCloseable {

    static final String A04 = "873a0414-29f8-39cd-e03e-200af8af9b0f";
    static final String A05 = "f46d1649-8a02-4de8-8cff-f76fae267d3a";

    /** Reads everything and may create draft orders (user scopes, as a hospitalist's launch would get). */
    static final String WRITER = "writer";
    /** Reads everything, writes nothing. */
    static final String READER = "reader";
    /** Patient A04 in context, with create scopes for that patient only. */
    static final String A04_WRITER = "a04-writer";

    private static final FhirContext FHIR = context();
    private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "sandbox-ehr");
        t.setDaemon(true);
        return t;
    });
    private static final Map<String, SandboxAccessToken> TOKENS = Map.of(
            WRITER, token(Set.of("user/*.rs", "user/ServiceRequest.c", "user/MedicationRequest.c", "user/Task.c"), null),
            READER, token(Set.of("user/*.rs"), null),
            A04_WRITER, token(Set.of("patient/*.rs", "patient/ServiceRequest.c", "patient/MedicationRequest.c",
                    "patient/Task.c"), A04));

    private final Server server;
    private final String base;

    private SandboxEhr(Server server, String base) {
        this.server = server;
        this.base = base;
    }

    static SandboxEhr start() throws Exception {
        SandboxStore store = SandboxStore.load(Optional.empty());
        Server server = new Server(0);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new SandboxFhirServer(store, SandboxEhr::verify)), "/ehr/fhir/*");
        server.setHandler(context);
        server.start();
        return new SandboxEhr(server,
                "http://localhost:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/ehr/fhir");
    }

    IGenericClient client(String token) {
        IGenericClient client = FHIR.newRestfulGenericClient(base);
        client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        return client;
    }

    /** The patient's record, as the app assembles it for the sandbox (reference date: the last record date). */
    PatientRecord record(String patientId) {
        var loaded = new RecordLoader(EXECUTOR).load(client(READER), patientId, LoadPolicy.defaults());
        return new RecordAssembler(new ObservationReader(new ObservationCatalog(Config.read(ObservationCatalog.PATH))))
                .assemble(loaded, ReferenceDate.Mode.LAST_RECORD, Instant.now());
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static FhirContext context() {
        FhirContext context = FhirContext.forR4();
        context.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        context.getRestfulClientFactory().setConnectTimeout(2_000);
        context.getRestfulClientFactory().setSocketTimeout(20_000);
        return context;
    }

    private static SandboxAccessToken verify(String bearer) throws InvalidSandboxTokenException {
        SandboxAccessToken token = TOKENS.get(bearer);
        if (token == null) {
            throw new InvalidSandboxTokenException("unknown test token");
        }
        return token;
    }

    private static SandboxAccessToken token(Set<String> scopes, String patientId) {
        return new SandboxAccessToken("tester", "chartlens-test", scopes, Optional.ofNullable(patientId),
                Optional.of("Practitioner/sandbox-hospitalist"), Instant.parse("2099-01-01T00:00:00Z"));
    }
}
