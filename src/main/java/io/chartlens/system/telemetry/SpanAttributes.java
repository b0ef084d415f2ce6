package io.chartlens.system.telemetry;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import java.net.URI;

/**
 * The attributes ChartLens's spans share: OpenTelemetry semantic-convention names where one exists (HTTP, server,
 * {@code error.type}), {@code chartlens.*} for the rest. Values are low-cardinality and free of PHI: no URL beyond
 * its host, no query, no resource id, no token, no exception message.
 */
public final class SpanAttributes {

    /** Why the operation failed: an enum name, an HTTP status or an exception's class name; never its message. */
    public static final AttributeKey<String> ERROR_TYPE = stringKey("error.type");
    public static final AttributeKey<String> HTTP_REQUEST_METHOD = stringKey("http.request.method");
    public static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE = longKey("http.response.status_code");
    /** The host only: the rest of a URL can name a patient. */
    public static final AttributeKey<String> SERVER_ADDRESS = stringKey("server.address");
    public static final AttributeKey<Long> SERVER_PORT = longKey("server.port");
    public static final AttributeKey<String> URL_QUERY = stringKey("url.query");
    /** The EHR registration's id ({@code smart-config/ehrs/<id>.json}), never its {@code iss}. */
    public static final AttributeKey<String> EHR_ID = stringKey("chartlens.ehr.id");

    private SpanAttributes() {
    }

    /** Marks {@code span} failed for {@code errorType}. */
    public static void failed(Span span, String errorType) {
        span.setAttribute(ERROR_TYPE, errorType);
        span.setStatus(StatusCode.ERROR);
    }

    /** Sets {@code server.address} and {@code server.port} from {@code uri}; nothing else of it. */
    public static void server(Span span, URI uri) {
        if (uri == null || uri.getHost() == null) {
            return;
        }
        span.setAttribute(SERVER_ADDRESS, uri.getHost());
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        span.setAttribute(SERVER_PORT, port);
    }
}
