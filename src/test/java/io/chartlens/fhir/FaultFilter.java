package io.chartlens.fhir;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Misbehaves like a real EHR in front of the sandbox FHIR server: per rule (a resource type, optionally a query-string
 * fragment such as {@code laboratory}) it answers with an error status, waits, sends malformed JSON, or breaks the
 * {@code next} link of a searchset. Counts requests per first path segment ("Observation", "metadata", "" for
 * {@code _getpages}). Rules are cleared between tests.
 */
final class FaultFilter implements Filter {

    /** One kind of misbehaviour; {@code times} is how many matching requests it affects (then it passes). */
    record Fault(Kind kind, int status, Map<String, String> headers, long delayMillis, int times) {
        enum Kind { STATUS, DELAY, MALFORMED_JSON, BROKEN_NEXT }

        static Fault status(int status) {
            return new Fault(Kind.STATUS, status, Map.of(), 0, Integer.MAX_VALUE);
        }

        static Fault statusOnce(int status, Map<String, String> headers) {
            return new Fault(Kind.STATUS, status, headers, 0, 1);
        }

        static Fault delay(long millis) {
            return new Fault(Kind.DELAY, 200, Map.of(), millis, Integer.MAX_VALUE);
        }

        static Fault malformedJson() {
            return new Fault(Kind.MALFORMED_JSON, 200, Map.of(), 0, Integer.MAX_VALUE);
        }

        static Fault brokenNextLink() {
            return new Fault(Kind.BROKEN_NEXT, 200, Map.of(), 0, Integer.MAX_VALUE);
        }
    }

    private record Rule(String type, String queryFragment, Fault fault, AtomicInteger used) {
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    void on(String type, Fault fault) {
        on(type, null, fault);
    }

    void on(String type, String queryFragment, Fault fault) {
        rules.add(new Rule(type, queryFragment, fault, new AtomicInteger()));
    }

    void reset() {
        rules.clear();
        requests.clear();
    }

    /** Requests seen whose path starts with this type (or "metadata"). */
    int requests(String type) {
        return requests.getOrDefault(type, new AtomicInteger()).get();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = new NoCompression((HttpServletRequest) req);
        HttpServletResponse response = (HttpServletResponse) res;
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().replaceFirst("^/", "");
        String type = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
        requests.computeIfAbsent(type, t -> new AtomicInteger()).incrementAndGet();
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        Fault fault = rules.stream()
                .filter(r -> r.type().equals(type) && (r.queryFragment() == null || query.contains(r.queryFragment())))
                .filter(r -> r.used().getAndIncrement() < r.fault().times())
                .map(Rule::fault).findFirst().orElse(null);
        if (fault == null) {
            chain.doFilter(request, response);
            return;
        }
        switch (fault.kind()) {
            case STATUS -> {
                response.setStatus(fault.status());
                fault.headers().forEach(response::setHeader);
                write(response, "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                        + "\"code\":\"transient\",\"diagnostics\":\"injected fault\"}]}");
            }
            case DELAY -> {
                sleep(fault.delayMillis());
                chain.doFilter(request, response);
            }
            case MALFORMED_JSON -> {
                response.setStatus(200);
                write(response, "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":");
            }
            case BROKEN_NEXT -> {
                Capture capture = new Capture(response);
                chain.doFilter(request, capture);
                String body = capture.body().replaceAll("_getpages=[A-Za-z0-9\\-]+", "_getpages=no-such-page");
                write(response, body);
            }
        }
    }

    private static void write(HttpServletResponse response, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/fhir+json;charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hides Accept-Encoding so the sandbox answers in plain text the filter can rewrite. */
    private static final class NoCompression extends HttpServletRequestWrapper {
        NoCompression(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return "Accept-Encoding".equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Accept-Encoding".equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }
    }

    /** Keeps the body the sandbox writes, so it can be rewritten before it is sent. */
    private static final class Capture extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private PrintWriter writer;

        Capture(HttpServletResponse response) {
            super(response);
        }

        String body() {
            if (writer != null) {
                writer.flush();
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }

                @Override
                public void write(int b) {
                    bytes.write(b);
                }
            };
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public void setContentLength(int length) {
        }

        @Override
        public void setContentLengthLong(long length) {
        }

        @Override
        public void flushBuffer() {
        }
    }
}
