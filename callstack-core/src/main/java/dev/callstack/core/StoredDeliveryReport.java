package dev.callstack.core;

import dev.callstack.core.event.DeliveryStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * A delivery report as kept by the modem's store.
 *
 * @param id         store id; newer reports have larger ids
 * @param reference  TP-MR of the part it is about
 * @param recipient  the recipient named in the report
 * @param status     classified outcome
 * @param rawStatus  TP-ST as received, or -1
 * @param timestamp  when Callstack received it
 * @param messageId  the correlated sent message, or {@code null}
 */
public record StoredDeliveryReport(long id, int reference, String recipient, DeliveryStatus status, int rawStatus,
                                   Instant timestamp, Long messageId) {
    /**
     * Validates that {@code recipient}, {@code status} and {@code timestamp} are not null.
     *
     * @param id        store id; newer reports have larger ids
     * @param reference TP-MR of the part it is about
     * @param recipient the recipient named in the report
     * @param status    classified outcome
     * @param rawStatus TP-ST as received, or -1
     * @param timestamp when Callstack received it
     * @param messageId the correlated sent message, or {@code null}
     */
    public StoredDeliveryReport {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /** Recipient redacted, so a stored report that reaches a log line stays private. */
    @Override
    public String toString() {
        return "StoredDeliveryReport[id=" + id + ", reference=" + reference + ", recipient="
                + Redaction.phone(recipient) + ", status=" + status + ", rawStatus=" + rawStatus + ", timestamp="
                + timestamp + ", messageId=" + messageId + "]";
    }
}
