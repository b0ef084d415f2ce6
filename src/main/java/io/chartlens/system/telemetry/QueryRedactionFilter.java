package io.chartlens.system.telemetry;

import io.opentelemetry.api.trace.Span;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Overwrites {@code url.query} on the runtime's HTTP server span with the parameter names only. Liberty's
 * MicroProfile Telemetry records the whole query string of every request, and ChartLens's carry the authorization
 * code and state ({@code /callback}), the launch and iss ({@code /launch}) and resource references
 * ({@code /resource}). It must run inside the runtime's tracing filter, where that span is current:
 * {@link TelemetryFilters} maps it after it. The request itself is passed on unchanged.
 */
public final class QueryRedactionFilter implements Filter {

    static final String REDACTED = "REDACTED";
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,31}");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && http.getQueryString() != null) {
            Span span = Span.current();
            if (span.isRecording()) {
                span.setAttribute(SpanAttributes.URL_QUERY, redact(http.getQueryString()));
            }
        }
        chain.doFilter(request, response);
    }

    /** {@code code=abc&state=xyz} becomes {@code code=REDACTED&state=REDACTED}; an unusual name becomes {@code _}. */
    static String redact(String query) {
        return Arrays.stream(query.split("&"))
                .filter(part -> !part.isEmpty())
                .map(part -> {
                    int eq = part.indexOf('=');
                    String name = eq < 0 ? part : part.substring(0, eq);
                    return (PLAIN_NAME.matcher(name).matches() ? name : "_") + "=" + REDACTED;
                })
                .collect(Collectors.joining("&"));
    }
}
