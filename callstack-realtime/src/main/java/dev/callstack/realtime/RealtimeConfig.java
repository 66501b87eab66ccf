package dev.callstack.realtime;

import java.time.Duration;

/**
 * Per-client limits of the {@link RealtimeHub}.
 *
 * @param queueCapacity           events queued per client before the oldest is dropped (at least 1)
 * @param slowConsumerMaxDropped  close a client with 4008 once it has dropped more than this many events in total;
 *                                0 turns the rule off
 * @param slowConsumerMaxFullTime close a client with 4008 when an event arrives after its queue has stayed full for
 *                                longer than this; {@code null} or zero turns the rule off
 */
public record RealtimeConfig(int queueCapacity, long slowConsumerMaxDropped, Duration slowConsumerMaxFullTime) {
    public static final int DEFAULT_QUEUE_CAPACITY = 256;

    public RealtimeConfig {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1");
        }
        if (slowConsumerMaxDropped < 0) {
            throw new IllegalArgumentException("slowConsumerMaxDropped must not be negative");
        }
        if (slowConsumerMaxFullTime != null && slowConsumerMaxFullTime.isNegative()) {
            throw new IllegalArgumentException("slowConsumerMaxFullTime must not be negative");
        }
    }

    /** Capacity 256, no slow-consumer disconnect. */
    public static RealtimeConfig defaults() {
        return new RealtimeConfig(DEFAULT_QUEUE_CAPACITY, 0, null);
    }

    /** Same limits with another queue capacity. */
    public RealtimeConfig withQueueCapacity(int capacity) {
        return new RealtimeConfig(capacity, slowConsumerMaxDropped, slowConsumerMaxFullTime);
    }

    boolean dropLimitEnabled() {
        return slowConsumerMaxDropped > 0;
    }

    boolean fullTimeLimitEnabled() {
        return slowConsumerMaxFullTime != null && !slowConsumerMaxFullTime.isZero();
    }
}
