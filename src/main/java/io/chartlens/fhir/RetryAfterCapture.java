package io.chartlens.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the {@code Retry-After} header of a 429 or 503 response for the thread that made the request. HAPI's client
 * throws for these statuses without copying the response headers into the exception, so {@link Retrying} reads the
 * header from here. HAPI clients are synchronous: the hook runs on the calling thread, and each section's task runs
 * on its own. Public only because HAPI invokes the hook reflectively.
 */
@Interceptor
public final class RetryAfterCapture {

    static final RetryAfterCapture INSTANCE = new RetryAfterCapture();
    private static final ThreadLocal<List<String>> LAST = new ThreadLocal<>();

    private RetryAfterCapture() {
    }

    /** Registers the shared instance on the client once; it stays registered (it holds no state of its own). */
    static void registerOn(IGenericClient client) {
        synchronized (client) {
            if (!client.getInterceptorService().getAllRegisteredInterceptors().contains(INSTANCE)) {
                client.registerInterceptor(INSTANCE);
            }
        }
    }

    @Hook(Pointcut.CLIENT_RESPONSE)
    public void capture(IHttpResponse response) {
        int status = response.getStatus();
        LAST.set(status == 429 || status == 503 ? response.getHeaders("Retry-After") : null);
    }

    /** Forgets what the last request on this thread captured; call before each request. */
    static void clear() {
        LAST.remove();
    }

    /** The {@code Retry-After} values of this thread's last response, if it was a 429 or 503 that had one. */
    static Optional<List<String>> last() {
        return Optional.ofNullable(LAST.get()).filter(values -> !values.isEmpty());
    }
}
