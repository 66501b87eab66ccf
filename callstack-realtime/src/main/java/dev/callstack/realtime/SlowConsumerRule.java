package dev.callstack.realtime;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The {@link RealtimeConfig} rules that close a client as a slow consumer: too many events dropped in total, or a
 * queue that stayed full for too long. Asked by a {@link ClientHandle} each time it drops an event.
 *
 * <p>Immutable; thread-safe.
 */
final class SlowConsumerRule {
    private final RealtimeConfig config;
    private final LongSupplier nanoClock;
    private final long maxFullNanos;

    SlowConsumerRule(RealtimeConfig config, LongSupplier nanoClock) {
        this.config = Objects.requireNonNull(config, "config");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.maxFullNanos = config.fullTimeLimitEnabled() ? saturatedNanos(config.slowConsumerMaxFullTime()) : 0;
    }

    /** The clock reading for the full-time rule, or 0 when that rule is off (saves the call). */
    long nanoTimeIfNeeded() {
        return config.fullTimeLimitEnabled() ? nanoClock.getAsLong() : 0;
    }

    /**
     * Whether a client that just dropped an event is too slow; {@code fullSinceNanos} is {@link Long#MIN_VALUE} when
     * its queue is not full.
     */
    boolean isSlow(long droppedTotal, long fullSinceNanos) {
        if (config.dropLimitEnabled() && droppedTotal > config.slowConsumerMaxDropped()) {
            return true;
        }
        return config.fullTimeLimitEnabled() && fullSinceNanos != Long.MIN_VALUE
                && nanoClock.getAsLong() - fullSinceNanos > maxFullNanos;
    }

    /** A limit of centuries means "never"; it must not overflow into an exception on the publishing thread. */
    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
