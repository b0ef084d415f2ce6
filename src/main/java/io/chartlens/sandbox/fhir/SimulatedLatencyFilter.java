package io.chartlens.sandbox.fhir;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Adds a fixed delay to every sandbox FHIR request, to benchmark launches as if the EHR were across a network
 * ({@code chartlens.sandbox.latency-ms}, default 0). Mapped only with the sandbox, so never in production.
 */
public class SimulatedLatencyFilter extends HttpFilter {

    private long latencyMs;

    @Override
    public void init() {
        latencyMs = ConfigProvider.getConfig().getOptionalValue("chartlens.sandbox.latency-ms", Long.class).orElse(0L);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (latencyMs > 0) {
            try {
                Thread.sleep(latencyMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServletException("interrupted while simulating latency", e);
            }
        }
        chain.doFilter(request, response);
    }
}
