package dev.callstack.server.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per key: {@code limit} requests per {@code window}, refilled continuously. Buckets that have
 * refilled completely are forgotten when the map grows past a bound, so many distinct keys (remote addresses) cannot
 * exhaust memory.
 *
 * <p>Thread-safe.
 */
final class RateLimiter<K> {
    private static final int PRUNE_ABOVE = 10_000;

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<K, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int limit, Duration window, LongSupplier nanoTime) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
        this.capacity = limit;
        this.tokensPerNano = limit / (double) window.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** Takes one token: 0 when allowed, else the whole seconds to wait before the next token (at least 1). */
    long tryAcquire(K key) {
        return bucket(key).take(nanoTime.getAsLong(), true);
    }

    /** 0 when {@code key} still has a token, else the seconds to wait; takes nothing. */
    long blockedFor(K key) {
        Bucket bucket = buckets.get(key);
        return bucket == null ? 0 : bucket.take(nanoTime.getAsLong(), false);
    }

    /** Takes one token if there is one (recording a failure). */
    void consume(K key) {
        bucket(key).take(nanoTime.getAsLong(), true);
    }

    private Bucket bucket(K key) {
        if (buckets.size() > PRUNE_ABOVE) {
            long now = nanoTime.getAsLong();
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(nanoTime.getAsLong()));
    }

    private final class Bucket {
        private double tokens = capacity;
        private long updated;

        Bucket(long now) {
            this.updated = now;
        }

        synchronized long take(long now, boolean consume) {
            refill(now);
            if (tokens >= 1) {
                if (consume) {
                    tokens -= 1;
                }
                return 0;
            }
            double nanos = (1 - tokens) / tokensPerNano;
            return Math.max(1, (long) Math.ceil(nanos / 1_000_000_000d));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            long elapsed = Math.max(0, now - updated);
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            updated = now;
        }
    }
}
