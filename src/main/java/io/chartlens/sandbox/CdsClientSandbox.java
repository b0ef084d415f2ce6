package io.chartlens.sandbox;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Maps the sandbox CDS client's key set ({@link CdsClientJwksServlet}) only when the sandbox is enabled, as
 * {@link SandboxBootstrap} does for the rest of the sandbox EHR: in production the path does not exist (404).
 */
@WebListener
public class CdsClientSandbox implements ServletContextListener {

    /** Where the sandbox CDS client's JWK Set is served; the {@code jwksUrl} of its registration. */
    public static final String JWKS_PATH = "/sandbox/cds-client/jwks";

    @Inject
    SandboxSettings settings;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (settings.enabled()) {
            event.getServletContext().addServlet("sandbox-cds-client-jwks", CdsClientJwksServlet.class)
                    .addMapping(JWKS_PATH);
        }
    }
}
