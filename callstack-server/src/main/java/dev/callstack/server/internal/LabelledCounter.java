package dev.callstack.server.internal;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A counter per combination of label values (none for an unlabelled counter), counted without Prometheus: the
 * exposition reads {@link #read} at scrape time. Label values come from closed sets only; a combination seeded with
 * {@link #seed} is exposed at 0 before its first increment, as dashboards and alerts expect.
 *
 * <p>Thread-safe.
 */
final class LabelledCounter {
    private final ConcurrentHashMap<List<String>, LongAdder> series = new ConcurrentHashMap<>();

    /** Exposes the combination at 0 until it is first counted. */
    void seed(String... labelValues) {
        series.computeIfAbsent(List.of(labelValues), k -> new LongAdder());
    }

    void inc(String... labelValues) {
        LongAdder count = series.get(List.of(labelValues));
        if (count == null) {
            count = series.computeIfAbsent(List.of(labelValues), k -> new LongAdder());
        }
        count.increment();
    }

    /** The current count of one combination (0 if never counted). */
    long count(String... labelValues) {
        LongAdder count = series.get(List.of(labelValues));
        return count == null ? 0 : count.sum();
    }

    void read(MetricFamily.Sink sink) {
        series.forEach((labels, count) -> sink.sample((double) count.sum(), labels.toArray(String[]::new)));
    }
}
