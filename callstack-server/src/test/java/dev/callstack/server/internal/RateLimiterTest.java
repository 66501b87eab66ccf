package dev.callstack.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final AtomicLong clock = new AtomicLong();

    @Test
    void aFloodOfDistinctFailingKeysKeepsMemoryBounded() {
        RateLimiter<Integer> limiter = new RateLimiter<>(1, Duration.ofMinutes(1), clock::get, 100);
        for (int address = 0; address < 10_000; address++) {
            limiter.consume(address); // every bucket stays empty: nothing refills while the clock stands still
            assertThat(limiter.trackedKeys()).isLessThanOrEqualTo(100);
        }
    }

    @Test
    void refilledBucketsMakeRoomBeforeBusyOnes() {
        RateLimiter<String> limiter = new RateLimiter<>(1, Duration.ofMinutes(1), clock::get, 4);
        limiter.consume("a");
        limiter.consume("b");
        limiter.consume("c");
        clock.addAndGet(Duration.ofMinutes(1).toNanos()); // a, b and c have refilled
        limiter.consume("attacker");
        limiter.consume("d"); // map full: the refilled buckets go, the empty one stays
        assertThat(limiter.blockedFor("attacker")).isPositive();
        assertThat(limiter.trackedKeys()).isEqualTo(2);
    }

    @Test
    void aKeyOverItsLimitWaitsUntilItsNextToken() {
        RateLimiter<String> limiter = new RateLimiter<>(2, Duration.ofSeconds(60), clock::get);
        assertThat(limiter.tryAcquire("k")).isZero();
        assertThat(limiter.tryAcquire("k")).isZero();
        assertThat(limiter.tryAcquire("k")).isEqualTo(30);
        clock.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(limiter.tryAcquire("k")).isZero();
    }

    @Test
    void aBlockedKeyStaysBlockedWhileAFloodOfNewKeysFillsTheTable() {
        RateLimiter<String> limiter = new RateLimiter<>(2, Duration.ofHours(1), clock::get, 4);
        limiter.consume("attacker");
        limiter.consume("attacker"); // blocked for the rest of the hour
        for (int i = 0; i < 1_000; i++) {
            limiter.consume("flood-" + i); // each holds one token left: evictable
            assertThat(limiter.blockedFor("attacker")).as("after %d new keys", i + 1).isPositive();
            assertThat(limiter.trackedKeys()).isLessThanOrEqualTo(4);
        }
    }

    @Test
    void whenEveryTrackedKeyIsBlockedNewKeysGoUntrackedAndTheBlockedOnesStay() {
        RateLimiter<String> limiter = new RateLimiter<>(1, Duration.ofHours(1), clock::get, 4);
        for (String key : new String[] {"a", "b", "c", "d"}) {
            limiter.consume(key);
        }
        limiter.consume("e");
        assertThat(limiter.trackedKeys()).isEqualTo(4);
        for (String key : new String[] {"a", "b", "c", "d"}) {
            assertThat(limiter.blockedFor(key)).isPositive();
        }
    }
}
