package io.chartlens.sandbox.fhir;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import io.chartlens.sandbox.auth.InvalidSandboxTokenException;
import io.chartlens.sandbox.auth.SandboxAccessToken;
import io.chartlens.sandbox.auth.SandboxTokenVerifier;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * One Jetty-hosted sandbox FHIR server per test JVM, over the store loaded from the committed bundles, with a
 * fake verifier that maps fixed token strings to access tokens.
 */
final class SandboxTestServer {

    static final String A04 = "873a0414-29f8-39cd-e03e-200af8af9b0f";
    static final String A05 = "f46d1649-8a02-4de8-8cff-f76fae267d3a";

    static final String USER_TOKEN = "user-all-read";
    static final String A04_TOKEN = "patient-a04-all-rs";
    static final String A04_V1_TOKEN = "patient-a04-v1-read";
    static final String A04_OBSERVATIONS_ONLY = "patient-a04-observation-rs";
    static final String NO_PATIENT_TOKEN = "patient-scopes-without-patient";

    private static final Map<String, SandboxAccessToken> TOKENS = Map.of(
            USER_TOKEN, token(Set.of("openid", "fhirUser", "user/*.rs"), null),
            A04_TOKEN, token(Set.of("launch", "patient/*.rs"), A04),
            A04_V1_TOKEN, token(Set.of("patient/*.read"), A04),
            A04_OBSERVATIONS_ONLY, token(Set.of("patient/Observation.rs", "patient/Patient.r"), A04),
            NO_PATIENT_TOKEN, token(Set.of("patient/*.rs"), null));

    private static SandboxStore store;
    private static String baseUrl;

    private SandboxTestServer() {
    }

    static synchronized SandboxStore store() {
        if (store == null) {
            store = SandboxStore.load(Optional.empty());
        }
        return store;
    }

    /** The FHIR base URL, for example http://localhost:41234/sandbox/fhir. */
    static synchronized String baseUrl() throws Exception {
        if (baseUrl == null) {
            Server server = new Server(0);
            ServletContextHandler context = new ServletContextHandler("/");
            context.addServlet(new ServletHolder(new SandboxFhirServer(store(), SandboxTestServer::verify)),
                    "/sandbox/fhir/*");
            server.setHandler(context);
            server.start();
            int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
            baseUrl = "http://localhost:" + port + "/sandbox/fhir";
        }
        return baseUrl;
    }

    static IGenericClient client(String bearerToken) throws Exception {
        var context = SandboxFhirContext.get();
        context.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        context.getRestfulClientFactory().setSocketTimeout(60_000);
        IGenericClient client = context.newRestfulGenericClient(baseUrl());
        if (bearerToken != null) {
            client.registerInterceptor(new BearerTokenAuthInterceptor(bearerToken));
        }
        return client;
    }

    static SandboxAccessToken verify(String bearer) throws InvalidSandboxTokenException {
        SandboxAccessToken token = TOKENS.get(bearer);
        if (token == null) {
            throw new InvalidSandboxTokenException("unknown test token");
        }
        return token;
    }

    private static SandboxAccessToken token(Set<String> scopes, String patientId) {
        return new SandboxAccessToken("tester", "chartlens-test", scopes, Optional.ofNullable(patientId),
                Optional.of("Practitioner/sandbox-clinician"), Instant.parse("2099-01-01T00:00:00Z"));
    }
}
