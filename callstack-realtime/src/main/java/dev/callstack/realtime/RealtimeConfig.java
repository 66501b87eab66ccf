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
    /** The per-client queue capacity of {@link #defaults()}, in events. */
    public static final int DEFAULT_QUEUE_CAPACITY = 256;

    /**
     * Validates {@code queueCapacity} at least 1 and neither slow-consumer limit negative.
     *
     * @param queueCapacity           events queued per client before the oldest is dropped (at least 1)
     * @param slowConsumerMaxDropped  close a client with 4008 once it has dropped more than this many events in total;
     *                                0 turns the rule off
     * @param slowConsumerMaxFullTime close a client with 4008 when an event arrives after its queue has stayed full
     *                                for longer than this; {@code null} or zero turns the rule off
     */
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

    /**
     * Capacity {@value #DEFAULT_QUEUE_CAPACITY}, no slow-consumer disconnect.
     *
     * @return the default limits
     */
    public static RealtimeConfig defaults() {
        return new RealtimeConfig(DEFAULT_QUEUE_CAPACITY, 0, null);
    }

    /**
     * Same limits with another queue capacity.
     *
     * @param capacity events queued per client, at least 1
     * @return a new config
     */
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
