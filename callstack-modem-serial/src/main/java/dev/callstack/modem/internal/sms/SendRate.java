package dev.callstack.modem.internal.sms;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket over the configured clock: {@code perMinute} messages a minute, a burst of at most one minute's
 * tenth (at least one), so an idle modem sends a one-time code at once while bulk sends are spread out. 0 means no
 * limit.
 *
 * <p>Not thread-safe; confined to the SMS send thread.
 */
final class SendRate {
    private final long intervalNanos;
    private final long burstNanos;
    // The instant at which the bucket is empty again ("theoretical arrival time").
    private Instant emptyAt;

    SendRate(int perMinute) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("perMinute must not be negative");
        }
        this.intervalNanos = perMinute == 0 ? 0 : Duration.ofMinutes(1).toNanos() / perMinute;
        this.burstNanos = intervalNanos * Math.max(1, perMinute / 10);
    }

    /** When the next message may go: {@code now} or later. */
    Instant nextAllowed(Instant now) {
        if (intervalNanos == 0 || emptyAt == null) {
            return now;
        }
        Instant allowed = emptyAt.minusNanos(burstNanos - intervalNanos);
        return allowed.isAfter(now) ? allowed : now;
    }

    /** Takes one token; call only when {@link #nextAllowed} is not after {@code now}. */
    void take(Instant now) {
        if (intervalNanos == 0) {
            return;
        }
        Instant base = emptyAt == null || emptyAt.isBefore(now) ? now : emptyAt;
        emptyAt = base.plusNanos(intervalNanos);
    }
}
