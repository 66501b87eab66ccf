package dev.callstack.core.store;

import dev.callstack.core.Redaction;
import dev.callstack.core.event.DeliveryStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * One part of a sent message as stored.
 *
 * @param messageId the sent message
 * @param part      1-based part number
 * @param reference the TP-MR the network gave it
 * @param recipient the message's recipient
 * @param sentAt    when {@code +CMGS} answered
 * @param status    PENDING until a report says otherwise
 * @param rawStatus the last TP-ST received, or -1
 */
public record SentPart(long messageId, int part, int reference, String recipient, Instant sentAt,
                       DeliveryStatus status, int rawStatus) {
    /**
     * Validates that {@code recipient}, {@code sentAt} and {@code status} are not null.
     *
     * @param messageId the sent message
     * @param part      1-based part number
     * @param reference the TP-MR the network gave it
     * @param recipient the message's recipient
     * @param sentAt    when {@code +CMGS} answered
     * @param status    PENDING until a report says otherwise
     * @param rawStatus the last TP-ST received, or -1
     */
    public SentPart {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(status, "status");
    }

    @Override
    public String toString() {
        return "SentPart[message=" + messageId + ", part=" + part + ", ref=" + reference + ", to="
                + Redaction.phone(recipient) + ", status=" + status + "]";
    }
}
