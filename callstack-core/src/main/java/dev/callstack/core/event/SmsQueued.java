package dev.callstack.core.event;

import dev.callstack.core.Redaction;
import java.time.Instant;

/**
 * An outbound SMS was committed to the outbox; it has not left yet.
 *
 * @param timestamp when it was committed
 * @param recipient the number it will be sent to
 * @param parts     how many parts it will be sent in, 1–255
 * @param messageId its outbox id: the same id later {@link SmsSent}, {@link SmsFailed} and
 *                  {@link SmsDeliveryReport} events carry
 */
public record SmsQueued(Instant timestamp, String recipient, int parts, long messageId) implements ModemEvent {
    /**
     * Validates non-null {@code timestamp}, a non-blank recipient, {@code parts} 1–255 and a positive id.
     *
     * @param timestamp when it was committed
     * @param recipient the number it will be sent to
     * @param parts     how many parts, 1–255
     * @param messageId its outbox id, positive
     */
    public SmsQueued {
        Checks.notNull(timestamp, "timestamp");
        Checks.notBlank(recipient, "recipient");
        Checks.range(parts, 1, 255, "parts");
        Checks.positive(messageId, "messageId");
    }

    @Override
    public String toString() {
        return "SmsQueued[timestamp=" + timestamp + ", recipient=" + Redaction.phone(recipient) + ", parts=" + parts
                + ", messageId=" + messageId + "]";
    }
}
