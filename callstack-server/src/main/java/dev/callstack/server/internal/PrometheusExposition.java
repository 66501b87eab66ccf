package dev.callstack.server.internal;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The server's metric families in Prometheus's text format. Made at the first scrape ({@link ServerMetrics} counts
 * without it until then): every family becomes a callback counter or gauge in a registry of its own, so the library
 * is loaded by the server that is scraped and by no other.
 *
 * <p>Thread-safe: scrapes are serialised (there is one scraper, every 15 s or so).
 */
final class PrometheusExposition {
    /** Prometheus's text exposition media type (a compile-time constant: reading it loads no Prometheus class). */
    static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.builder()
            .setIncludeCreatedTimestamps(false).build();
    private int registered;

    /** Registers the families not registered yet (they only ever grow, in order) and writes the exposition. */
    synchronized byte[] scrape(List<MetricFamily> families) {
        for (; registered < families.size(); registered++) {
            register(families.get(registered));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void register(MetricFamily family) {
        String[] labels = family.labelNames().toArray(String[]::new);
        MetricFamily.Samples samples = family.samples();
        switch (family.kind()) {
            case COUNTER -> CounterWithCallback.builder().name(family.name()).help(family.help()).labelNames(labels)
                    .callback(cb -> samples.read(cb::call)).register(registry);
            case GAUGE -> GaugeWithCallback.builder().name(family.name()).help(family.help()).labelNames(labels)
                    .callback(cb -> samples.read(cb::call)).register(registry);
        }
    }
}
