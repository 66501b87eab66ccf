package dev.callstack.server.internal.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The clock and the durations webhook delivery runs on. Production uses {@link #defaults()}; tests shorten them so
 * that retries, timeouts, dead-lettering and disabling happen in milliseconds, or move the clock instead of waiting.
 *
 * @param clock          what "now" is for attempts, backoff, dead-lettering and disabling
 * @param firstRetry     the delay before the first retry; each later one doubles it (with jitter)
 * @param maxRetryDelay  the cap of the doubling
 * @param retryFor       how long after its first attempt a delivery is retried before it is dead-lettered
 * @param disableAfter   how long a subscription may fail without any success before it is disabled
 * @param requestTimeout connect timeout, and the limit of one whole attempt (connect, headers, first 4 KiB)
 * @param pollInterval   how often due retries are looked for (new events wake the dispatcher at once)
 * @param window         the most attempts of one subscription in flight at once (1 keeps strict order)
 */
public record WebhookTiming(Clock clock, Duration firstRetry, Duration maxRetryDelay, Duration retryFor,
                            Duration disableAfter, Duration requestTimeout, Duration pollInterval, int window) {
    /** Validates: positive durations, a window of at least 1. */
    public WebhookTiming {
        Objects.requireNonNull(clock, "clock");
        for (Duration d : new Duration[] {firstRetry, maxRetryDelay, retryFor, disableAfter, requestTimeout,
                pollInterval}) {
            if (Objects.requireNonNull(d, "duration").isNegative() || d.isZero()) {
                throw new IllegalArgumentException("webhook durations must be positive");
            }
        }
        if (window < 1) {
            throw new IllegalArgumentException("webhook window must be at least 1");
        }
    }

    /**
     * Issue 13's figures: first retry after about 5 s, doubling up to 1 h, for 24 h; disabled after 5 days of
     * failures; 10 s per attempt; 4 attempts in flight per subscription.
     *
     * @return the production timing on the system UTC clock
     */
    public static WebhookTiming defaults() {
        return new WebhookTiming(Clock.systemUTC(), Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24),
                Duration.ofDays(5), Duration.ofSeconds(10), Duration.ofSeconds(1), 4);
    }
}
