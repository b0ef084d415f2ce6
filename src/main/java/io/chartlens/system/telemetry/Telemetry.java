package io.chartlens.system.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * ChartLens's tracer. In Liberty it comes from the {@link OpenTelemetry} that MicroProfile Telemetry injects, which is
 * a no-op until the runtime is started with {@code OTEL_SDK_DISABLED=false}; tests pass an SDK instance. Every span
 * ChartLens opens goes through here, under the instrumentation scope {@value #SCOPE}.
 */
@ApplicationScoped
public class Telemetry {

    /** The instrumentation scope of ChartLens's own spans. */
    public static final String SCOPE = "io.chartlens";

    private static final Tracer NOOP = OpenTelemetry.noop().getTracer(SCOPE);

    private final Tracer tracer;

    /** For CDI: the runtime's OpenTelemetry, or none (no-op) when the feature does not provide one. */
    @Inject
    public Telemetry(Instance<OpenTelemetry> openTelemetry) {
        this(openTelemetry.isResolvable() ? openTelemetry.get() : OpenTelemetry.noop());
    }

    /** For tests and tools: spans go to {@code openTelemetry}. */
    public Telemetry(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer(SCOPE);
    }

    /** For CDI proxies only. */
    protected Telemetry() {
        this.tracer = NOOP;
    }

    /** Telemetry that records nothing. */
    public static Telemetry noop() {
        return new Telemetry(OpenTelemetry.noop());
    }

    public Tracer tracer() {
        return tracer;
    }

    /** The tracer of {@code telemetry}, or a no-op one when it is null (an object built outside CDI). */
    public static Tracer tracer(Telemetry telemetry) {
        return telemetry == null ? NOOP : telemetry.tracer();
    }
}
