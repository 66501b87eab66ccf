package dev.callstack.bench.ws;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in log-spaced buckets (about 4% wide, 100 ns to ~100 s), recorded lock-free from many threads.
 *
 * <p>Thread-safe.
 */
final class LatencyHistogram {
    private static final double BASE = 1.04;
    private static final double MIN_NANOS = 100;
    private static final int BUCKETS = 720;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLong max = new AtomicLong();
    private final AtomicLong total = new AtomicLong();

    void record(long nanos) {
        long value = Math.max(nanos, 1);
        int bucket = value <= MIN_NANOS ? 0
                : (int) Math.min(BUCKETS - 1, Math.ceil(Math.log(value / MIN_NANOS) / Math.log(BASE)));
        counts.incrementAndGet(bucket);
        total.incrementAndGet();
        max.accumulateAndGet(value, Math::max);
    }

    long count() {
        return total.get();
    }

    long maxNanos() {
        return max.get();
    }

    /** The upper bound of the bucket holding quantile {@code q}. */
    long quantileNanos(double q) {
        long n = total.get();
        if (n == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * n);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.min(max.get(), (long) (MIN_NANOS * Math.pow(BASE, i)));
            }
        }
        return max.get();
    }
}
