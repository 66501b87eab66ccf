package dev.callstack.server.internal;

import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per key: {@code limit} requests per {@code window}, refilled continuously. At most
 * {@code maxKeys} buckets are kept, so many distinct keys (remote addresses) cannot exhaust memory: when a new key
 * finds the map full, refilled buckets are forgotten first, then buckets that still hold a token, down to half the
 * bound. An empty bucket (a blocked key) is never forgotten before its window refills it, so a flood of new keys
 * cannot unblock an attacker; when every tracked key is blocked, the new key is not tracked at all. The scan is thus
 * paid at most once per {@code maxKeys / 2} new keys, never per request; a forgotten key merely starts again with a
 * full bucket.
 *
 * <p>Thread-safe.
 */
final class RateLimiter<K> {
    static final int DEFAULT_MAX_KEYS = 10_000;

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoTime;
    private final int maxKeys;
    private final Object pruneLock = new Object();
    private final ConcurrentHashMap<K, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int limit, Duration window, LongSupplier nanoTime) {
        this(limit, window, nanoTime, DEFAULT_MAX_KEYS);
    }

    RateLimiter(int limit, Duration window, LongSupplier nanoTime, int maxKeys) {
        if (maxKeys < 2) {
            throw new IllegalArgumentException("maxKeys must be at least 2");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
        this.capacity = limit;
        this.tokensPerNano = limit / (double) window.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.maxKeys = maxKeys;
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

    /** Keys tracked now (bounded by {@code maxKeys}). */
    int trackedKeys() {
        return buckets.size();
    }

    private Bucket bucket(K key) {
        Bucket existing = buckets.get(key);
        if (existing != null) {
            return existing;
        }
        if (buckets.size() >= maxKeys) {
            makeRoom();
        }
        if (buckets.size() >= maxKeys) {
            return new Bucket(nanoTime.getAsLong()); // every tracked key is blocked: this one goes untracked
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(nanoTime.getAsLong()));
    }

    private void makeRoom() {
        synchronized (pruneLock) {
            if (buckets.size() < maxKeys) {
                return; // another thread made room meanwhile
            }
            long now = nanoTime.getAsLong();
            buckets.values().removeIf(bucket -> bucket.isFull(now));
            Iterator<Bucket> unblocked = buckets.values().iterator();
            while (buckets.size() > maxKeys / 2 && unblocked.hasNext()) {
                if (!unblocked.next().isEmpty(now)) {
                    unblocked.remove();
                }
            }
        }
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

        /** No token left: the key is blocked until the next refill. */
        synchronized boolean isEmpty(long now) {
            refill(now);
            return tokens < 1;
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
