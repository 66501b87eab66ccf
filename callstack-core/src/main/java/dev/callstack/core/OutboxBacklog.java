package dev.callstack.core;

import java.time.Instant;

/**
 * What an {@link Outbox} still has to send: messages {@link OutboxStatus#QUEUED} or {@link OutboxStatus#SENDING}, and
 * when the oldest of them was committed. For gauges ({@code /metrics}), read at scrape time.
 *
 * @param pending         messages not yet in a final state, at least 0
 * @param oldestCommitted when the oldest of them was committed, or null when none is pending
 */
public record OutboxBacklog(long pending, Instant oldestCommitted) {
    /** Nothing pending. */
    public static final OutboxBacklog EMPTY = new OutboxBacklog(0, null);

    /**
     * Validates the count and that a time is given exactly when something is pending.
     *
     * @param pending         at least 0
     * @param oldestCommitted null exactly when {@code pending} is 0
     */
    public OutboxBacklog {
        if (pending < 0 || (pending == 0) != (oldestCommitted == null)) {
            throw new IllegalArgumentException("pending must not be negative; a time exactly when something waits");
        }
    }
}
