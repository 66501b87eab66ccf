package dev.callstack.core.event;

import dev.callstack.core.Redaction;
import java.time.Instant;

/**
 * A status report for a message sent earlier.
 *
 * @param reference the TP-MR of the part the report is about (0–255)
 * @param recipient the recipient the network names in the report
 * @param status    the classified outcome
 * @param rawStatus the TP-ST octet as received (0–255), or -1 when the source gave none
 * @param messageId the sent message the report was correlated with, or {@code null} when none matched
 */
public record SmsDeliveryReport(Instant timestamp, int reference, String recipient, DeliveryStatus status,
                                int rawStatus, Long messageId) implements ModemEvent {
    /**
     * Validates non-null {@code timestamp}, {@code recipient} and {@code status}, the ranges above and a positive
     * {@code messageId} when set.
     *
     * @param timestamp when Callstack observed the event
     * @param reference the TP-MR of the part the report is about (0–255)
     * @param recipient the recipient the network names in the report
     * @param status    the classified outcome
     * @param rawStatus the TP-ST octet as received (0–255), or -1 when the source gave none
     * @param messageId the sent message the report was correlated with, or {@code null} when none matched
     */
    public SmsDeliveryReport {
        Checks.notNull(timestamp, "timestamp");
        Checks.range(reference, 0, 255, "reference");
        Checks.notNull(recipient, "recipient");
        Checks.notNull(status, "status");
        Checks.range(rawStatus, -1, 255, "rawStatus");
        Checks.positive(messageId, "messageId");
    }

    /** Recipient redacted, so an event that reaches a log line stays private. */
    @Override
    public String toString() {
        return "SmsDeliveryReport[timestamp=" + timestamp + ", reference=" + reference + ", recipient="
                + Redaction.phone(recipient) + ", status=" + status + ", rawStatus=" + rawStatus + ", messageId="
                + messageId + "]";
    }
}
