package io.chartlens.launch;

import io.chartlens.system.telemetry.SpanAttributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.net.URI;

/**
 * The spans of a SMART launch: {@value #BEGIN} (EHR or standalone launch up to the redirect to the EHR),
 * {@value #COMPLETE} (the callback: state check, token exchange, id_token, launch context) and {@value #TOKEN} (a
 * request to the EHR's token endpoint, code exchange or refresh). They carry the EHR registration's id, the launch
 * type, the grant type, the token endpoint's host and status, and a failed step's {@link LaunchFailure} as
 * {@code error.type}. Never the {@code iss} or any URL, the launch parameter, code, state, verifier, nonce, tokens or
 * the patient: a failure's message is not recorded either, since it may quote what the EHR sent.
 */
final class LaunchSpans {

    static final String BEGIN = "smart.launch.begin";
    static final String COMPLETE = "smart.launch.complete";
    static final String TOKEN = "smart.token";
    static final AttributeKey<String> LAUNCH_TYPE = AttributeKey.stringKey("chartlens.launch.type");
    static final AttributeKey<String> GRANT_TYPE = AttributeKey.stringKey("chartlens.oauth.grant_type");

    /** A launch step that may fail for a {@link LaunchFailure}. */
    @FunctionalInterface
    interface Step<T> {
        T run() throws LaunchException;
    }

    private LaunchSpans() {
    }

    static <T> T begin(Tracer tracer, LaunchType type, Step<T> step) throws LaunchException {
        return run(tracer.spanBuilder(BEGIN).setAttribute(LAUNCH_TYPE, type.name()), step);
    }

    static <T> T complete(Tracer tracer, Step<T> step) throws LaunchException {
        return run(tracer.spanBuilder(COMPLETE), step);
    }

    static <T> T token(Tracer tracer, EhrRegistration registration, URI tokenEndpoint, String grantType, Step<T> step)
            throws LaunchException {
        SpanBuilder builder = tracer.spanBuilder(TOKEN).setSpanKind(SpanKind.CLIENT)
                .setAttribute(SpanAttributes.EHR_ID, registration.id())
                .setAttribute(GRANT_TYPE, grantType)
                .setAttribute(SpanAttributes.HTTP_REQUEST_METHOD, "POST");
        if (tokenEndpoint != null && tokenEndpoint.getHost() != null) {
            builder.setAttribute(SpanAttributes.SERVER_ADDRESS, tokenEndpoint.getHost());
        }
        return run(builder, step);
    }

    /** Names the launch's EHR registration and type on the current launch span. */
    static void describe(String registrationId, LaunchType type) {
        Span span = Span.current();
        span.setAttribute(SpanAttributes.EHR_ID, registrationId);
        span.setAttribute(LAUNCH_TYPE, type.name());
    }

    /** Records the token endpoint's HTTP status on the current token span. */
    static void status(int httpStatus) {
        Span.current().setAttribute(SpanAttributes.HTTP_RESPONSE_STATUS_CODE, httpStatus);
    }

    private static <T> T run(SpanBuilder builder, Step<T> step) throws LaunchException {
        Span span = builder.startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return step.run();
        } catch (LaunchException e) {
            SpanAttributes.failed(span, e.failure().name());
            throw e;
        } catch (RuntimeException | Error e) {
            SpanAttributes.failed(span, e.getClass().getName());
            throw e;
        } finally {
            span.end();
        }
    }
}
