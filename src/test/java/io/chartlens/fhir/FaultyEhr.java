package io.chartlens.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import io.chartlens.sandbox.auth.InvalidSandboxTokenException;
import io.chartlens.sandbox.auth.SandboxAccessToken;
import io.chartlens.sandbox.fhir.SandboxFhirServer;
import io.chartlens.sandbox.fhir.SandboxStore;
import jakarta.servlet.DispatcherType;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The sandbox FHIR server (over the committed bundles) in Jetty, once per test JVM, behind a {@link FaultFilter}:
 * {@code /ehr/fhir} as the sandbox is (its CapabilityStatement does not declare {@code _sort}), and
 * {@code /sorting/fhir} declaring {@code _sort}, which the sandbox implements for dates.
 */
final class FaultyEhr {

    static final String A04 = "873a0414-29f8-39cd-e03e-200af8af9b0f";
    static final String P907 = "907";
    private static final String TOKEN = "loader-test-user";

    static final FaultFilter FAULTS = new FaultFilter();
    private static String root;
    private static final FhirContext PATIENT_CLIENTS = context(10_000);
    private static final FhirContext IMPATIENT_CLIENTS = context(500);

    private FaultyEhr() {
    }

    /** A client with a 10 s socket timeout, for the sandbox as it is. */
    static IGenericClient client() {
        return client(PATIENT_CLIENTS, "/ehr/fhir");
    }

    /** A client with a 10 s socket timeout, for the sandbox that declares {@code _sort}. */
    static IGenericClient sortingClient() {
        return client(PATIENT_CLIENTS, "/sorting/fhir");
    }

    /** A client that gives up on a response after 500 ms. */
    static IGenericClient impatientClient() {
        return client(IMPATIENT_CLIENTS, "/ehr/fhir");
    }

    private static IGenericClient client(FhirContext context, String path) {
        IGenericClient client = context.newRestfulGenericClient(root() + path);
        client.registerInterceptor(new BearerTokenAuthInterceptor(TOKEN));
        return client;
    }

    private static FhirContext context(int socketTimeoutMillis) {
        FhirContext context = FhirContext.forR4();
        context.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        context.getRestfulClientFactory().setConnectTimeout(2_000);
        context.getRestfulClientFactory().setSocketTimeout(socketTimeoutMillis);
        return context;
    }

    private static synchronized String root() {
        if (root == null) {
            try {
                root = start();
            } catch (Exception e) {
                throw new IllegalStateException("could not start the test EHR", e);
            }
        }
        return root;
    }

    private static String start() throws Exception {
        SandboxStore store = SandboxStore.load(Optional.empty());
        Server server = new Server(0);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(new FilterHolder(FAULTS), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new SandboxFhirServer(store, FaultyEhr::verify)), "/ehr/fhir/*");
        context.addServlet(new ServletHolder(new SortingSandbox(store)), "/sorting/fhir/*");
        server.setHandler(context);
        server.start();
        return "http://localhost:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    private static SandboxAccessToken verify(String bearer) throws InvalidSandboxTokenException {
        if (!TOKEN.equals(bearer)) {
            throw new InvalidSandboxTokenException("unknown test token");
        }
        return new SandboxAccessToken("tester", "chartlens-test", Set.of("user/*.rs"), Optional.empty(),
                Optional.of("Practitioner/sandbox-clinician"), Instant.parse("2099-01-01T00:00:00Z"));
    }

    /** The sandbox with {@code _sort} declared as a server-wide search parameter. */
    private static final class SortingSandbox extends SandboxFhirServer {
        private static final long serialVersionUID = 1L;

        SortingSandbox(SandboxStore store) {
            super(store, FaultyEhr::verify);
        }

        @Override
        protected void initialize() {
            super.initialize();
            registerInterceptor(new SortDeclaration());
        }
    }
}
