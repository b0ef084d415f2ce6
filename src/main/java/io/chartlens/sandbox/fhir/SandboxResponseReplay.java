package io.chartlens.sandbox.fhir;

import io.chartlens.sandbox.auth.InvalidSandboxTokenException;
import io.chartlens.sandbox.auth.SandboxAccessToken;
import io.chartlens.sandbox.auth.SandboxTokenVerifier;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A benchmark aid of the sandbox EHR ({@code chartlens.sandbox.replay-responses}, off by default; mapped only with the
 * sandbox, never in production): answers a repeated FHIR read or search with the bytes the sandbox sent the first
 * time, so that a benchmark can take the simulated EHR's own work (searching, JSON encoding, gzip) off the cores
 * ChartLens runs on, as if the EHR were another host. It runs after {@link SimulatedLatencyFilter}, so the added
 * latency still applies to every request.
 *
 * <p>An answer is replayed only to a bearer token that verifies and whose grant (user, client, scopes, patient,
 * fhirUser) is the one it was recorded for, with the same method, path, query and {@code Accept}/{@code
 * Accept-Encoding}; only 200 answers to GET are recorded. Any other method (a draft-order transaction) forgets every
 * recording, because the store changed. Recordings are bounded by {@link #MAX_BYTES}, oldest dropped first.
 */
public class SandboxResponseReplay extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** At most this many bytes of recorded answers (the 25 samples' records take about a tenth). */
    static final long MAX_BYTES = 256L * 1024 * 1024;
    private static final String BEARER = "Bearer ";

    /** A recorded answer: its headers in order and its body bytes as sent (gzipped when they were). */
    record Recording(List<Map.Entry<String, String>> headers, byte[] body) {
    }

    private final transient SandboxTokenVerifier verifier;
    private final Map<String, Recording> recordings = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    public SandboxResponseReplay(SandboxTokenVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"GET".equals(request.getMethod())) {
            forgetAll();
            chain.doFilter(request, response);
            return;
        }
        String key = keyOf(request);
        if (key == null) { // no verifiable token: the FHIR server answers (401) as always
            chain.doFilter(request, response);
            return;
        }
        Recording recorded;
        synchronized (recordings) {
            recorded = recordings.get(key);
        }
        if (recorded != null) {
            response.setStatus(HttpServletResponse.SC_OK);
            recorded.headers().forEach(h -> response.addHeader(h.getKey(), h.getValue()));
            response.setContentLength(recorded.body().length);
            response.getOutputStream().write(recorded.body());
            return;
        }
        Capture capture = new Capture(response);
        chain.doFilter(request, capture);
        byte[] body = capture.body();
        if (capture.getStatus() == HttpServletResponse.SC_OK) {
            remember(key, new Recording(List.copyOf(capture.headers), body));
        }
        if (!response.isCommitted()) {
            response.setContentLength(body.length);
        }
        response.getOutputStream().write(body);
    }

    /** Forgets every recording (the store changed). */
    void forgetAll() {
        synchronized (recordings) {
            recordings.clear();
            bytes = 0;
        }
    }

    int size() {
        synchronized (recordings) {
            return recordings.size();
        }
    }

    private void remember(String key, Recording recording) {
        if (recording.body().length > MAX_BYTES) {
            return;
        }
        synchronized (recordings) {
            Recording previous = recordings.put(key, recording);
            bytes += recording.body().length - (previous == null ? 0 : previous.body().length);
            var eldest = recordings.entrySet().iterator();
            while (bytes > MAX_BYTES && eldest.hasNext()) {
                bytes -= eldest.next().getValue().body().length;
                eldest.remove();
            }
        }
    }

    /** The recording key of a request with a verifiable bearer token, else null. */
    private String keyOf(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        SandboxAccessToken token;
        try {
            token = verifier.verify(header.substring(BEARER.length()).strip());
        } catch (InvalidSandboxTokenException e) {
            return null;
        }
        return String.join("\n", token.subject(), token.clientId(), String.join(" ", new TreeSet<>(token.scopes())),
                token.patientId().orElse(""), token.fhirUser().orElse(""), request.getRequestURI(),
                Objects.toString(request.getQueryString(), ""), Objects.toString(request.getHeader("Accept"), ""),
                Objects.toString(request.getHeader("Accept-Encoding"), ""));
    }

    /** Holds the FHIR server's answer (headers passed on and noted, body kept) until it is complete. */
    private static final class Capture extends HttpServletResponseWrapper {

        private final List<Map.Entry<String, String>> headers = new ArrayList<>();
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new IllegalStateException("the sandbox answers synchronously");
            }

            @Override
            public void write(int b) {
                buffer.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                buffer.write(b, off, len);
            }
        };
        private PrintWriter writer;

        Capture(HttpServletResponse response) {
            super(response);
        }

        byte[] body() {
            if (writer != null) {
                writer.flush();
            }
            return buffer.toByteArray();
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                String charset = getCharacterEncoding();
                writer = new PrintWriter(new OutputStreamWriter(stream,
                        charset == null ? StandardCharsets.ISO_8859_1 : java.nio.charset.Charset.forName(charset)));
            }
            return writer;
        }

        @Override
        public void flushBuffer() {
            if (writer != null) {
                writer.flush();
            }
        }

        @Override
        public void setContentType(String type) {
            super.setContentType(type);
            note("Content-Type", getContentType());
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, value);
            headers.removeIf(h -> h.getKey().equalsIgnoreCase(name));
            note(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, value);
            note(name, value);
        }

        @Override
        public void setContentLength(int length) {
            // the body is sent by the filter, with its own length
        }

        @Override
        public void setContentLengthLong(long length) {
            // the body is sent by the filter, with its own length
        }

        private void note(String name, String value) {
            if (value == null || name.equalsIgnoreCase("Content-Length")) {
                return;
            }
            if (name.equalsIgnoreCase("Content-Type")) {
                headers.removeIf(h -> h.getKey().equalsIgnoreCase("Content-Type"));
            }
            headers.add(Map.entry(name, value));
        }
    }
}
