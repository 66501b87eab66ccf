package dev.callstack.core;

import java.util.Objects;

/**
 * What {@link Outbox#enqueue} did.
 *
 * @param entry    the committed message (for a replay, the first request's message as it stands now)
 * @param replayed true when the idempotency key was seen before and nothing new was committed
 */
public record OutboxReceipt(OutboxEntry entry, boolean replayed) {
    /**
     * Validates a non-null entry.
     *
     * @param entry    the message
     * @param replayed whether it is an earlier request's message
     */
    public OutboxReceipt {
        Objects.requireNonNull(entry, "entry");
    }
}
