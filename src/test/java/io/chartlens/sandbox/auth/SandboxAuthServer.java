package io.chartlens.sandbox.auth;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.client.ClientInformation;
import com.nimbusds.oauth2.sdk.id.ClientID;
import io.chartlens.system.Pages;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The sandbox authorization server's servlets hosted in Jetty on a free port, wired by hand with the committed
 * {@code smart-config/sandbox/clients.json} and the real templates, and a clock the test can move.
 */
final class SandboxAuthServer implements AutoCloseable {

    static final ClientID PRIVATE_KEY_CLIENT = new ClientID("chartlens-sandbox");
    static final ClientID SECRET_CLIENT = new ClientID("chartlens-sandbox-basic");

    static final SandboxDirectory DIRECTORY = new SandboxDirectory() {
        @Override
        public List<Choice> patients() {
            return List.of(new Choice("pat-1", "Amy Baxter (1987-02-20)"), new Choice("pat-2", "Trey Berge"));
        }

        @Override
        public List<Choice> users() {
            return List.of(new Choice("sandbox-clinician", "Dr. Casey Clinician"),
                    new Choice("sandbox-hospitalist", "Dr. Harper Hospitalist"));
        }
    };

    /** A clock that tests move forward. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    final MovableClock clock = new MovableClock();
    final Server server = new Server();
    final SandboxEndpoints endpoints;
    final SandboxAuthority authority;
    final SandboxClients clients;
    final SandboxGrants grants = new SandboxGrants(clock);
    final SandboxLaunchContextStore launches = new SandboxLaunchContextStore(clock);
    final URI redirectUri;

    SandboxAuthServer() throws Exception {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        connector.open();
        endpoints = new SandboxEndpoints("http://127.0.0.1:" + connector.getLocalPort());
        redirectUri = URI.create(endpoints.baseUrl() + "/callback");
        authority = new SandboxAuthority(endpoints.issuer(), endpoints.fhirBase(), Duration.ofSeconds(3600), clock);
        clients = new SandboxClients(registeredClients(endpoints.baseUrl()));

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.setBaseResourceAsPath(Path.of("webapp").toAbsolutePath());
        add(context, new SmartConfigurationServlet(endpoints), "/sandbox/fhir/.well-known/smart-configuration");
        add(context, new AuthorizeServlet(endpoints, clients, grants, launches, DIRECTORY, new Pages()),
                "/sandbox/auth/authorize");
        add(context, new TokenServlet(endpoints, clients, grants, authority, clock), "/sandbox/auth/token");
        add(context, new JwksServlet(authority), "/sandbox/auth/jwks");
        add(context, new SmartStyleServlet(), "/sandbox/smart-style.json");
        server.setHandler(context);
        server.start();
    }

    /** The committed clients file with {@code ${chartlens.base-url}} expanded as ConfigFiles would. */
    static List<ClientInformation> registeredClients(String baseUrl) throws Exception {
        String json = Files.readString(Path.of("smart-config/sandbox/clients.json"))
                .replace("${chartlens.base-url}", baseUrl);
        return SandboxClients.parse(json);
    }

    /** The committed well-known development private key of {@code chartlens-sandbox}. */
    static RSAKey clientPrivateKey() throws Exception {
        return RSAKey.parse(Files.readString(Path.of("smart-config/sandbox/chartlens-client.private.jwk.json")));
    }

    Secret basicClientSecret() {
        return clients.find(SECRET_CLIENT).orElseThrow().getSecret();
    }

    URI url(String path) {
        return URI.create(endpoints.baseUrl() + path);
    }

    private static void add(ServletContextHandler context, HttpServlet servlet, String path) {
        context.addServlet(new ServletHolder(servlet), path);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
