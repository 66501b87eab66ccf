package dev.callstack.modem.store;

import dev.callstack.core.OutboxPriority;
import dev.callstack.core.OutgoingSms;
import java.time.Instant;
import java.util.Objects;

/**
 * A message to commit to the outbox (the id is assigned by the store).
 *
 * @param sms             the text, recipient and options
 * @param parts           how many parts it encodes to, 1–255
 * @param concatReference the concatenation reference its parts carry, 0–255
 * @param priority        the queue priority
 * @param dueAt           not sent before this instant
 * @param expiresAt       expires when still unsent at this instant
 * @param retryUnknown    whether an unanswered {@code AT+CMGS} is retried
 * @param direct          true for {@code sms().send}: committed as {@code SENDING}, never queued or retried
 * @param createdAt       the commit time
 */
public record NewOutboxMessage(OutgoingSms sms, int parts, int concatReference, OutboxPriority priority,
                               Instant dueAt, Instant expiresAt, boolean retryUnknown, boolean direct,
                               Instant createdAt) {
    /**
     * Validates non-null fields and the ranges.
     *
     * @param sms             the message
     * @param parts           1–255
     * @param concatReference 0–255
     * @param priority        the priority
     * @param dueAt           not before
     * @param expiresAt       expiry
     * @param retryUnknown    whether an unanswered {@code AT+CMGS} is retried
     * @param direct          whether it is a direct send
     * @param createdAt       the commit time
     */
    public NewOutboxMessage {
        Objects.requireNonNull(sms, "sms");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(createdAt, "createdAt");
        if (parts < 1 || parts > 255 || concatReference < 0 || concatReference > 255) {
            throw new IllegalArgumentException("parts 1..255, concatReference 0..255");
        }
    }
}
