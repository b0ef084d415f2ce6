package io.chartlens.sandbox;

import io.chartlens.sandbox.auth.AuthorizeServlet;
import io.chartlens.sandbox.auth.JwksServlet;
import io.chartlens.sandbox.auth.SmartConfigurationServlet;
import io.chartlens.sandbox.auth.SmartStyleServlet;
import io.chartlens.sandbox.auth.TokenServlet;
import io.chartlens.sandbox.ehr.SandboxHomeServlet;
import io.chartlens.sandbox.ehr.SandboxLaunchServlet;
import io.chartlens.sandbox.fhir.SandboxFhirServer;
import io.chartlens.sandbox.auth.SandboxTokenVerifier;
import io.chartlens.sandbox.fhir.SandboxResponseReplay;
import io.chartlens.sandbox.fhir.SimulatedLatencyFilter;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;

/**
 * Maps the sandbox EHR's servlets only when the sandbox is enabled, so that in production the
 * {@code /sandbox} paths do not exist at all (404), rather than existing and refusing.
 */
@WebListener
public class SandboxBootstrap implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(SandboxBootstrap.class.getName());

    @Inject
    SandboxSettings settings;
    @Inject
    SandboxTokenVerifier verifier;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (!settings.enabled()) {
            LOG.info("Sandbox EHR is disabled (set chartlens.sandbox.enabled=true for development).");
            return;
        }
        ServletContext context = event.getServletContext();
        ServletRegistration.Dynamic fhir = context.addServlet("sandbox-fhir", SandboxFhirServer.class);
        fhir.addMapping("/sandbox/fhir/*");
        fhir.setLoadOnStartup(1);
        context.addFilter("sandbox-latency", SimulatedLatencyFilter.class).addMappingForUrlPatterns(null, false,
                "/sandbox/fhir/*");
        if (settings.replayResponses()) { // after the latency filter: replayed answers are delayed too
            context.addFilter("sandbox-replay", new SandboxResponseReplay(verifier)).addMappingForUrlPatterns(null,
                    false, "/sandbox/fhir/*");
            LOG.warning("Sandbox FHIR server replays earlier answers to repeated requests (benchmarks only).");
        }
        context.addServlet("sandbox-smart-configuration", SmartConfigurationServlet.class)
                .addMapping("/sandbox/fhir/.well-known/smart-configuration");
        context.addServlet("sandbox-authorize", AuthorizeServlet.class).addMapping("/sandbox/auth/authorize");
        context.addServlet("sandbox-token", TokenServlet.class).addMapping("/sandbox/auth/token");
        context.addServlet("sandbox-jwks", JwksServlet.class).addMapping("/sandbox/auth/jwks");
        context.addServlet("sandbox-smart-style", SmartStyleServlet.class).addMapping("/sandbox/smart-style.json");
        context.addServlet("sandbox-home", SandboxHomeServlet.class).addMapping("/sandbox/*");
        context.addServlet("sandbox-launch", SandboxLaunchServlet.class).addMapping("/sandbox/launch");
        LOG.warning("Sandbox EHR is ENABLED at " + settings.fhirBase()
                + " with well-known development keys. Never enable it in production.");
    }
}
