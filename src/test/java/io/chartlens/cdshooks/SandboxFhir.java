package io.chartlens.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import io.chartlens.record.SampleManifest;
import io.chartlens.sandbox.auth.InvalidSandboxTokenException;
import io.chartlens.sandbox.auth.SandboxAccessToken;
import io.chartlens.sandbox.fhir.SandboxFhirServer;
import io.chartlens.sandbox.fhir.SandboxStore;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The real sandbox FHIR server with the shared samples, in Jetty on loopback, started once per test JVM. */
final class SandboxFhir {

    static final String TOKEN = "cds-test-user";
    static final FhirContext FHIR = FhirContext.forR4();
    private static String base;

    static {
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        FHIR.getRestfulClientFactory().setSocketTimeout(20_000);
    }

    private SandboxFhir() {
    }

    static synchronized String base() {
        if (base == null) {
            try {
                SandboxStore store = SandboxStore.load(Optional.of(SampleManifest.folder()));
                Server server = new Server(0);
                ServletContextHandler context = new ServletContextHandler("/");
                context.addServlet(new ServletHolder(new SandboxFhirServer(store, SandboxFhir::verify)), "/fhir/*");
                server.setHandler(context);
                server.start();
                base = "http://localhost:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/fhir";
            } catch (Exception e) {
                throw new IllegalStateException("could not start the sandbox FHIR server", e);
            }
        }
        return base;
    }

    static IGenericClient client() {
        IGenericClient client = FHIR.newRestfulGenericClient(base());
        client.registerInterceptor(new BearerTokenAuthInterceptor(TOKEN));
        return client;
    }

    private static SandboxAccessToken verify(String bearer) throws InvalidSandboxTokenException {
        if (!TOKEN.equals(bearer)) {
            throw new InvalidSandboxTokenException("unknown test token");
        }
        return new SandboxAccessToken("tester", "chartlens-cds-test", Set.of("user/*.rs"), Optional.empty(),
                Optional.of("Practitioner/sandbox-clinician"), Instant.parse("2099-01-01T00:00:00Z"));
    }
}
