package io.chartlens.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.chartlens.system.telemetry.Telemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An OpenTelemetry SDK whose spans stay in memory (never registered globally), so tests can read exactly what
 * ChartLens's spans carry, and check that none of it is PHI, a token or a URL.
 */
public final class TestTelemetry implements AutoCloseable {

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    private final Telemetry telemetry = new Telemetry(OpenTelemetrySdk.builder().setTracerProvider(provider).build());

    public Telemetry telemetry() {
        return telemetry;
    }

    public Tracer tracer() {
        return telemetry.tracer();
    }

    /** The ended spans, in the order they ended. */
    public List<SpanData> spans() {
        return exporter.getFinishedSpanItems();
    }

    public List<SpanData> spans(String name) {
        return spans().stream().filter(s -> s.getName().equals(name)).toList();
    }

    /** The one ended span called {@code name}. */
    public SpanData only(String name) {
        List<SpanData> found = spans(name);
        assertEquals(1, found.size(), () -> "spans named " + name + " in " + names());
        return found.get(0);
    }

    public List<String> names() {
        return spans().stream().map(SpanData::getName).toList();
    }

    public void reset() {
        exporter.reset();
    }

    /** Every text a span carries: its name, attribute values, event names and attributes, status description. */
    public static List<String> texts(List<SpanData> spans) {
        List<String> texts = new ArrayList<>();
        for (SpanData span : spans) {
            texts.add(span.getName());
            texts.add(span.getStatus().getDescription());
            addValues(span.getAttributes(), texts);
            span.getEvents().forEach(e -> {
                texts.add(e.getName());
                addValues(e.getAttributes(), texts);
            });
        }
        return texts;
    }

    /** Fails when any text of any span contains one of {@code forbidden} (ignoring case). */
    public static void assertCarriesNone(List<SpanData> spans, String... forbidden) {
        for (String text : texts(spans)) {
            for (String value : forbidden) {
                assertFalse(text.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT)),
                        () -> "a span carries \"" + value + "\": " + text);
            }
        }
    }

    private static void addValues(Attributes attributes, List<String> texts) {
        attributes.forEach((key, value) -> texts.add(String.valueOf(value)));
    }

    @Override
    public void close() {
        provider.close();
    }
}
