package dev.callstack.core;

import dev.callstack.core.event.DeliveryStatus;
import java.util.Objects;

/**
 * One part of an outbox message: its network reference once the modem accepted it, and its delivery outcome.
 *
 * @param part      the part number, 1-based
 * @param reference the TP-MR the modem assigned, 0–255, or {@code null} while (or because) the part did not leave
 * @param delivery  {@link DeliveryStatus#PENDING} until a report says otherwise; {@code null} when the part did not
 *                  leave
 */
public record OutboxPart(int part, Integer reference, DeliveryStatus delivery) {
    /**
     * Validates the part number and the reference range, and that a part with a reference has a delivery status.
     *
     * @param part      the part number, 1-based
     * @param reference the TP-MR, or {@code null}
     * @param delivery  the delivery outcome, or {@code null} when the part did not leave
     */
    public OutboxPart {
        if (part < 1 || part > 255) {
            throw new IllegalArgumentException("part must be 1..255");
        }
        if (reference != null && (reference < 0 || reference > 255)) {
            throw new IllegalArgumentException("reference must be 0..255");
        }
        if (reference != null) {
            Objects.requireNonNull(delivery, "delivery");
        }
    }

    /**
     * Whether the modem accepted this part.
     *
     * @return true when it has a reference
     */
    public boolean left() {
        return reference != null;
    }
}
