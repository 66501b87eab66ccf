package dev.callstack.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A message in the {@link Outbox}, as stored.
 *
 * @param messageId   its id: the same id {@code sms.queued}, {@code sms.sent}, {@code sms.failed} and
 *                    {@code sms.delivery_report} carry
 * @param to          the recipient
 * @param body        the text (callers redact it unless the reader may see content)
 * @param status      where it stands
 * @param parts       one entry per part, in part order (at least one)
 * @param attempts    how many times the outbox handed it to the modem
 * @param createdAt   when it was committed
 * @param sentAt      when its last part was accepted, or {@code null}
 * @param deliveredAt when its last delivery report said delivered, or {@code null}
 * @param error       why it failed, expired, is unknown or was retried (no number, no text), or {@code null}
 */
public record OutboxEntry(long messageId, PhoneNumber to, String body, OutboxStatus status, List<OutboxPart> parts,
                          int attempts, Instant createdAt, Instant sentAt, Instant deliveredAt, String error) {
    /**
     * Validates the required fields and copies {@code parts}.
     *
     * @param messageId   positive id
     * @param to          the recipient
     * @param body        the text
     * @param status      where it stands
     * @param parts       at least one part
     * @param attempts    0 or more
     * @param createdAt   when it was committed
     * @param sentAt      or {@code null}
     * @param deliveredAt or {@code null}
     * @param error       or {@code null}
     */
    public OutboxEntry {
        if (messageId < 1) {
            throw new IllegalArgumentException("messageId must be positive");
        }
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(status, "status");
        parts = List.copyOf(Objects.requireNonNull(parts, "parts"));
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("parts must not be empty");
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative");
        }
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** No body ({@link PhoneNumber} redacts itself). */
    @Override
    public String toString() {
        return "OutboxEntry[messageId=" + messageId + ", to=" + to + ", body=" + Redaction.text(body) + ", status="
                + status + ", parts=" + parts + ", attempts=" + attempts + ", createdAt=" + createdAt + ", sentAt="
                + sentAt + ", deliveredAt=" + deliveredAt + ", error=" + error + "]";
    }
}
