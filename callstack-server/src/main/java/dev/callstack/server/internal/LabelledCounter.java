package dev.callstack.server.internal;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A counter per combination of label values (none for an unlabelled counter), counted without Prometheus: the
 * exposition reads {@link #read} at scrape time. Label values come from closed sets only; a combination seeded with
 * {@link #seed} is exposed at 0 before its first increment, as dashboards and alerts expect. A call with the wrong
 * number of label values fails where it is made, as Prometheus's own counters do, rather than at every scrape.
 *
 * <p>Thread-safe.
 */
final class LabelledCounter {
    private final ConcurrentHashMap<List<String>, LongAdder> series = new ConcurrentHashMap<>();
    private final int labels;

    /** @param labels how many label values every series has (0 for an unlabelled counter) */
    LabelledCounter(int labels) {
        this.labels = labels;
    }

    /** Exposes the combination at 0 until it is first counted. */
    void seed(String... labelValues) {
        series.computeIfAbsent(key(labelValues), k -> new LongAdder());
    }

    void inc(String... labelValues) {
        List<String> key = key(labelValues);
        LongAdder count = series.get(key);
        if (count == null) {
            count = series.computeIfAbsent(key, k -> new LongAdder());
        }
        count.increment();
    }

    private List<String> key(String... labelValues) {
        if (labelValues.length != labels) {
            throw new IllegalArgumentException(
                    "expected " + labels + " label values, got " + labelValues.length);
        }
        return List.of(labelValues);
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
