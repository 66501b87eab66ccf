package dev.callstack.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An outgoing message to store (the id is assigned by the store).
 *
 * @param recipient as sent: an optional {@code +} and digits
 * @param body      the text
 * @param parts     how many parts it is sent in (1–255)
 * @param createdAt when sending started
 */
public record OutboundMessage(String recipient, String body, int parts, Instant createdAt) {
    /**
     * Validates non-null {@code recipient}, {@code body} and {@code createdAt}, and {@code parts} 1–255.
     *
     * @param recipient as sent: an optional {@code +} and digits
     * @param body      the text
     * @param parts     how many parts it is sent in (1–255)
     * @param createdAt when sending started
     */
    public OutboundMessage {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
        if (parts < 1 || parts > 255) {
            throw new IllegalArgumentException("parts must be 1..255");
        }
    }

    @Override
    public String toString() {
        return "OutboundMessage[parts=" + parts + ", bodyLength=" + body.length() + "]";
    }
}
