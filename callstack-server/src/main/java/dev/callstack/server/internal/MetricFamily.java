package dev.callstack.server.internal;

import java.util.List;
import java.util.Objects;

/**
 * One metric as the server declares it, in plain Java: name, help, kind, label names and how to read its samples
 * at scrape time. {@link PrometheusExposition} turns families into Prometheus metrics only when {@code /metrics} is
 * first scraped, so a server nobody scrapes never loads the Prometheus library (about a hundred classes, and their
 * share of a small board's idle memory).
 *
 * @param name the metric's name (a counter's without {@code _total}, which the exposition adds)
 * @param help its help text
 * @param kind counter or gauge
 * @param labelNames its label names, in the order {@link Samples} gives their values
 * @param samples reads the current values
 */
record MetricFamily(String name, String help, Kind kind, List<String> labelNames, Samples samples) {
    /** How Prometheus types the values. */
    enum Kind { COUNTER, GAUGE }

    /** Reads every current sample of a family into {@code sink}; called on the scraping thread. */
    @FunctionalInterface
    interface Samples {
        void read(Sink sink);
    }

    /** Takes one sample: its value and its label values, in the family's label-name order. */
    @FunctionalInterface
    interface Sink {
        void sample(double value, String... labelValues);
    }

    MetricFamily {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(kind, "kind");
        labelNames = List.copyOf(labelNames);
        Objects.requireNonNull(samples, "samples");
    }
}
