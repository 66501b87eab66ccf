package dev.callstack.server.internal.webhook;

import java.util.Locale;

/** Where a delivery stands. {@code pending} and {@code failed} are both waiting for their next attempt. */
public enum WebhookDeliveryStatus {
    /** Not attempted yet (or queued again by a redelivery). */
    PENDING,
    /** Delivered: the receiver answered 2xx. */
    DELIVERED,
    /** The last attempt failed; another is scheduled. */
    FAILED,
    /** Retried for the whole retry period without success: dead-lettered, not retried again. */
    DEAD;

    /**
     * The wire and column name.
     *
     * @return the lower-case name
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The status named {@code wire}.
     *
     * @param wire a wire name
     * @return the status, or null when there is none of that name
     */
    public static WebhookDeliveryStatus ofWire(String wire) {
        for (WebhookDeliveryStatus status : values()) {
            if (status.wireName().equals(wire)) {
                return status;
            }
        }
        return null;
    }
}
