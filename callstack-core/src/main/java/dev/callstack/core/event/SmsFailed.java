package dev.callstack.core.event;

import dev.callstack.core.OutboxStatus;
import dev.callstack.core.Redaction;
import java.time.Instant;

/**
 * An outbox message reached a final state other than sent: {@link OutboxStatus#FAILED}, {@link OutboxStatus#EXPIRED},
 * {@link OutboxStatus#UNKNOWN} or {@link OutboxStatus#PARTIALLY_SENT}. (A failed <em>delivery</em> comes as
 * {@link SmsDeliveryReport}.)
 *
 * @param timestamp when it was decided
 * @param recipient the number it was for
 * @param messageId its outbox id
 * @param status    the final state
 * @param error     why, without number or text (e.g. {@code "modem rejected it (+CMS ERROR: 38)"})
 */
public record SmsFailed(Instant timestamp, String recipient, long messageId, OutboxStatus status, String error)
        implements ModemEvent {
    /**
     * Validates non-null fields, a positive id and one of the four failure states.
     *
     * @param timestamp when it was decided
     * @param recipient the number it was for
     * @param messageId its outbox id, positive
     * @param status    FAILED, EXPIRED, UNKNOWN or PARTIALLY_SENT
     * @param error     why; not blank
     */
    public SmsFailed {
        Checks.notNull(timestamp, "timestamp");
        Checks.notBlank(recipient, "recipient");
        Checks.positive(messageId, "messageId");
        Checks.notNull(status, "status");
        Checks.notBlank(error, "error");
        if (status != OutboxStatus.FAILED && status != OutboxStatus.EXPIRED && status != OutboxStatus.UNKNOWN
                && status != OutboxStatus.PARTIALLY_SENT) {
            throw new IllegalArgumentException("status must be failed, expired, unknown or partially_sent");
        }
    }

    @Override
    public String toString() {
        return "SmsFailed[timestamp=" + timestamp + ", recipient=" + Redaction.phone(recipient) + ", messageId="
                + messageId + ", status=" + status + ", error=" + error + "]";
    }
}
