package io.chartlens.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import ca.uhn.fhir.rest.client.api.IRestfulClient;
import io.chartlens.system.telemetry.SpanAttributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A CLIENT span per FHIR request of a HAPI client, named {@code GET Observation}: the method, the resource type (the
 * first path segment under the server base), the response status and the server's host and port. Never the URL: its
 * path holds resource ids and its query the patient and search parameters. The request carries a W3C
 * {@code traceparent} (no baggage), so an EHR that traces can join the trace.
 *
 * <p>HAPI calls the request hook and the response hook on the calling thread, and no hook when the request fails
 * without a response (refused, timed out): such a span is ended by {@link #endUnanswered(Throwable)}, which
 * {@link Retrying} calls, or else by the thread's next request. Public only because HAPI invokes the hooks
 * reflectively.
 */
@Interceptor
public final class FhirClientSpans {

    /** The FHIR resource type of the request, e.g. {@code Observation}; absent for paging and other URLs. */
    static final AttributeKey<String> RESOURCE_TYPE = AttributeKey.stringKey("chartlens.fhir.resource_type");
    private static final Pattern RESOURCE_TYPE_NAME = Pattern.compile("[A-Z][A-Za-z]{1,63}");
    private static final ThreadLocal<Span> OPEN = new ThreadLocal<>();

    private final Tracer tracer;

    public FhirClientSpans(Tracer tracer) {
        this.tracer = Objects.requireNonNull(tracer, "tracer");
    }

    @Hook(Pointcut.CLIENT_REQUEST)
    public void requestStarting(IHttpRequest request, IRestfulClient client) {
        end(OPEN.get(), "no_response");
        URI uri = uriOf(request.getUri());
        String method = request.getHttpVerbName();
        Optional<String> type = resourceType(uri, client.getServerBase());
        Span span = tracer.spanBuilder(type.map(t -> method + " " + t).orElse(method))
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(SpanAttributes.HTTP_REQUEST_METHOD, method)
                .startSpan();
        type.ifPresent(t -> span.setAttribute(RESOURCE_TYPE, t));
        SpanAttributes.server(span, uri);
        OPEN.set(span);
        W3CTraceContextPropagator.getInstance().inject(Context.current().with(span), request,
                (carrier, name, value) -> carrier.addHeader(name, value));
    }

    @Hook(Pointcut.CLIENT_RESPONSE)
    public void responseReceived(IHttpResponse response) {
        Span span = OPEN.get();
        if (span == null) {
            return;
        }
        OPEN.remove();
        int status = response.getStatus();
        span.setAttribute(SpanAttributes.HTTP_RESPONSE_STATUS_CODE, status);
        if (status >= 400) {
            SpanAttributes.failed(span, String.valueOf(status));
        }
        span.end();
    }

    /** Ends this thread's open request span, if any, for a request that failed without a response. */
    static void endUnanswered(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        end(OPEN.get(), cause.getClass().getName());
    }

    private static void end(Span span, String errorType) {
        if (span != null) {
            OPEN.remove();
            SpanAttributes.failed(span, errorType);
            span.end();
        }
    }

    /** The first path segment under the server base when it is a resource type name; {@code metadata} as such. */
    static Optional<String> resourceType(URI uri, String serverBase) {
        URI base = uriOf(serverBase);
        if (uri == null || base == null || uri.getRawPath() == null || base.getRawPath() == null
                || !Objects.equals(uri.getHost(), base.getHost())) {
            return Optional.empty();
        }
        String basePath = base.getRawPath().endsWith("/") ? base.getRawPath() : base.getRawPath() + "/";
        if (!uri.getRawPath().startsWith(basePath)) {
            return Optional.empty();
        }
        String first = uri.getRawPath().substring(basePath.length()).split("/", 2)[0];
        return RESOURCE_TYPE_NAME.matcher(first).matches() || first.equals("metadata")
                ? Optional.of(first) : Optional.empty();
    }

    private static URI uriOf(String value) {
        try {
            return value == null ? null : URI.create(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
