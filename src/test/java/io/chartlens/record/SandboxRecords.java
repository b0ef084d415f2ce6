package io.chartlens.record;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import io.chartlens.fhir.LoadPolicy;
import io.chartlens.fhir.LoadedRecord;
import io.chartlens.fhir.RecordLoader;
import io.chartlens.sandbox.auth.InvalidSandboxTokenException;
import io.chartlens.sandbox.auth.SandboxAccessToken;
import io.chartlens.sandbox.fhir.SandboxFhirServer;
import io.chartlens.sandbox.fhir.SandboxStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The committed sandbox patients, loaded by the real {@link RecordLoader} from the real sandbox FHIR server in Jetty
 * (started once per test JVM, as in {@code io.chartlens.fhir.FaultyEhr}) and assembled with the shipped catalog.
 */
public final class SandboxRecords {

    public static final String A04 = "873a0414-29f8-39cd-e03e-200af8af9b0f";
    public static final String A05 = "f46d1649-8a02-4de8-8cff-f76fae267d3a";
    public static final String A05_FILE = "a05-gsd-trey-berge-f46d1649.json";
    public static final String P907 = "907";

    private static final String TOKEN = "record-test-user";
    private static final FhirContext FHIR = context();
    private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(16, r -> {
        Thread t = new Thread(r, "sandbox-records");
        t.setDaemon(true);
        return t;
    });
    private static final java.util.Map<Optional<java.nio.file.Path>, String> ROOTS = new java.util.HashMap<>();

    private SandboxRecords() {
    }

    /** The patient's record as the loader returns it, with default policy. */
    public static LoadedRecord load(String patientId) {
        return new RecordLoader(EXECUTOR).load(client(Optional.empty()), patientId, LoadPolicy.defaults());
    }

    /** A patient of the shared samples ({@code ../shared/fhir-samples}), loaded by the real loader. */
    public static LoadedRecord loadSample(String patientId) {
        return new RecordLoader(EXECUTOR).load(client(Optional.of(SampleManifest.folder())), patientId,
                LoadPolicy.defaults());
    }

    /** The patient's record, assembled. */
    public static PatientRecord assemble(String patientId, ReferenceDate.Mode mode, Instant now) {
        return new RecordAssembler(new ObservationReader(TestCatalog.CATALOG)).assemble(load(patientId), mode, now);
    }

    /** A committed bundle file, parsed from the classpath ({@code sandbox/patients/}). */
    public static Bundle bundle(String file) {
        try (InputStream in = SandboxRecords.class.getClassLoader().getResourceAsStream("sandbox/patients/" + file)) {
            if (in == null) {
                throw new IllegalStateException("sandbox/patients/" + file + " is not on the classpath");
            }
            return FHIR.newJsonParser().parseResource(Bundle.class, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IGenericClient client(Optional<java.nio.file.Path> dataDir) {
        IGenericClient client = FHIR.newRestfulGenericClient(root(dataDir) + "/ehr/fhir");
        client.registerInterceptor(new BearerTokenAuthInterceptor(TOKEN));
        return client;
    }

    private static FhirContext context() {
        FhirContext context = FhirContext.forR4();
        context.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        context.getRestfulClientFactory().setConnectTimeout(2_000);
        context.getRestfulClientFactory().setSocketTimeout(10_000);
        return context;
    }

    private static synchronized String root(Optional<java.nio.file.Path> dataDir) {
        String root = ROOTS.get(dataDir);
        if (root == null) {
            try {
                SandboxStore store = SandboxStore.load(dataDir);
                Server server = new Server(0);
                ServletContextHandler context = new ServletContextHandler("/");
                context.addServlet(new ServletHolder(new SandboxFhirServer(store, SandboxRecords::verify)),
                        "/ehr/fhir/*");
                server.setHandler(context);
                server.start();
                root = "http://localhost:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
                ROOTS.put(dataDir, root);
            } catch (Exception e) {
                throw new IllegalStateException("could not start the sandbox FHIR server", e);
            }
        }
        return root;
    }

    private static SandboxAccessToken verify(String bearer) throws InvalidSandboxTokenException {
        if (!TOKEN.equals(bearer)) {
            throw new InvalidSandboxTokenException("unknown test token");
        }
        return new SandboxAccessToken("tester", "chartlens-test", Set.of("user/*.rs"), Optional.empty(),
                Optional.of("Practitioner/sandbox-clinician"), Instant.parse("2099-01-01T00:00:00Z"));
    }
}
