package dev.callstack.core.store;

import dev.callstack.core.Redaction;
import dev.callstack.core.event.DeliveryStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * A delivery report to store (the id is assigned by the store).
 *
 * @param reference  TP-MR (0–255)
 * @param recipient  TP-RA as received
 * @param status     classified TP-ST
 * @param rawStatus  TP-ST (0–255) or -1
 * @param receivedAt when Callstack received it
 * @param messageId  the correlated sent message, or {@code null}
 * @param part       the correlated part (1-based), or {@code null}; set together with {@code messageId}
 */
public record DeliveryReportRecord(int reference, String recipient, DeliveryStatus status, int rawStatus,
                                   Instant receivedAt, Long messageId, Integer part) {
    /**
     * Validates the ranges above, non-null {@code recipient}, {@code status} and {@code receivedAt}, and that
     * {@code messageId} and {@code part} are both set or both null.
     *
     * @param reference  TP-MR (0–255)
     * @param recipient  TP-RA as received
     * @param status     classified TP-ST
     * @param rawStatus  TP-ST (0–255) or -1
     * @param receivedAt when Callstack received it
     * @param messageId  the correlated sent message, or {@code null}
     * @param part       the correlated part (1-based), or {@code null}; set together with {@code messageId}
     */
    public DeliveryReportRecord {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (reference < 0 || reference > 255 || rawStatus < -1 || rawStatus > 255) {
            throw new IllegalArgumentException("reference 0..255, rawStatus -1..255");
        }
        if ((messageId == null) != (part == null)) {
            throw new IllegalArgumentException("messageId and part go together");
        }
    }

    @Override
    public String toString() {
        return "DeliveryReportRecord[ref=" + reference + ", to=" + Redaction.phone(recipient) + ", status=" + status
                + ", message=" + messageId + "]";
    }
}
