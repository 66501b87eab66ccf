package dev.callstack.bench.ws;

import java.util.concurrent.atomic.LongAdder;

/**
 * What every client fleet counts from the frames it receives: SMS events with their publish→receipt latency (the
 * publish time the tool put in the SMS body; same clock), and the drops that overflow notices report.
 *
 * <p>Thread-safe: counters are atomic; {@link #reset} swaps the histogram.
 */
final class FleetCounters {
    private final LongAdder events = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private volatile LatencyHistogram latency = new LatencyHistogram();

    /** Counts one text frame {@code [start, end)} of {@code frame} received at {@code now} (nanoTime). */
    void onText(FrameScan.Bytes frame, int start, int end, long now) {
        if (FrameScan.isSms(frame, start, end)) {
            long published = FrameScan.bodyNumber(frame, start, end);
            if (published > 0) {
                latency.record(now - published);
            }
            events.increment();
        } else if (FrameScan.isOverflow(frame, start, end)) {
            dropped.add(FrameScan.dropped(frame, start, end));
        }
    }

    void reset() {
        events.reset();
        dropped.reset();
        latency = new LatencyHistogram();
    }

    /** Counters only (cheap). */
    Fleet.Stats counts() {
        return new Fleet.Stats(events.sum(), dropped.sum(), 0, 0, 0, 0);
    }

    /** Counters, latency quantiles, and {@code cpuNanos} as the clients' CPU time. */
    Fleet.Stats stats(long cpuNanos) {
        LatencyHistogram current = latency;
        return new Fleet.Stats(events.sum(), dropped.sum(), current.quantileNanos(0.50), current.quantileNanos(0.99),
                current.maxNanos(), cpuNanos);
    }
}
