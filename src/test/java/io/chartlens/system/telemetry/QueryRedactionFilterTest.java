package io.chartlens.system.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.testsupport.TestTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runtime's server span keeps the query's parameter names only; the request goes on unchanged. */
class QueryRedactionFilterTest {

    @Test
    void theCurrentServerSpansQueryKeepsItsNamesOnly() throws Exception {
        try (TestTelemetry telemetry = new TestTelemetry()) {
            HttpServletRequest request = request("code=c0de-123&state=st4te&iss=https%3A%2F%2Fehr%2Ffhir");
            List<ServletRequest> passedOn = new ArrayList<>();
            Span server = telemetry.tracer().spanBuilder("GET /callback").setSpanKind(SpanKind.SERVER)
                    .setAttribute(SpanAttributes.URL_QUERY, request.getQueryString()).startSpan();
            try (Scope ignored = server.makeCurrent()) {
                new QueryRedactionFilter().doFilter(request, null, (req, res) -> passedOn.add(req));
            } finally {
                server.end();
            }

            SpanData span = telemetry.only("GET /callback");
            assertEquals("code=REDACTED&state=REDACTED&iss=REDACTED", span.getAttributes().get(SpanAttributes.URL_QUERY));
            TestTelemetry.assertCarriesNone(telemetry.spans(), "c0de-123", "st4te", "ehr");
            assertEquals(1, passedOn.size());
            assertSame(request, passedOn.get(0), "the request itself is not changed");
        }
    }

    @Test
    void withoutASpanNothingHappensAndTheRequestGoesOn() throws Exception {
        List<ServletRequest> passedOn = new ArrayList<>();
        new QueryRedactionFilter().doFilter(request("a=1"), null, (req, res) -> passedOn.add(req));
        assertEquals(1, passedOn.size());
    }

    @Test
    void namesThatAreNotPlainBecomeAnUnderscore() {
        assertEquals("ctx=REDACTED&ref=REDACTED", QueryRedactionFilter.redact("ctx=abc&ref=Observation%2F123"));
        assertEquals("_=REDACTED&flag=REDACTED", QueryRedactionFilter.redact("pat%2F123=x&flag"));
        assertEquals("_=REDACTED", QueryRedactionFilter.redact("=only-a-value&&"));
    }

    @Test
    void theFilterIsMappedAfterTheDeclaredOnesForEveryPath() {
        List<Object[]> mappings = new ArrayList<>();
        List<String> names = new ArrayList<>();
        FilterRegistration.Dynamic registration = (FilterRegistration.Dynamic) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {FilterRegistration.Dynamic.class}, (p, m, args) -> {
                    if (m.getName().equals("addMappingForUrlPatterns")) {
                        mappings.add(args);
                    }
                    return null;
                });
        ServletContext context = (ServletContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServletContext.class}, (p, m, args) -> {
                    if (m.getName().equals("addFilter") && args[1] instanceof Filter filter) {
                        names.add((String) args[0]);
                        assertTrue(filter instanceof QueryRedactionFilter);
                        return registration;
                    }
                    return null;
                });

        new TelemetryFilters().contextInitialized(new ServletContextEvent(context));

        assertEquals(List.of(TelemetryFilters.FILTER_NAME), names);
        assertEquals(1, mappings.size());
        Object[] mapping = mappings.get(0);
        assertTrue(mapping[0] == null || mapping[0].equals(EnumSet.of(DispatcherType.REQUEST)));
        assertEquals(Boolean.TRUE, mapping[1], "isMatchAfter: behind the runtime's tracing filter");
        assertEquals(List.of("/*"), List.of((String[]) mapping[2]));
    }

    private static HttpServletRequest request(String query) {
        return (HttpServletRequest) Proxy.newProxyInstance(QueryRedactionFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, args) -> switch (m.getName()) {
                    case "getQueryString" -> query;
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == args[0];
                    default -> null;
                });
    }
}
