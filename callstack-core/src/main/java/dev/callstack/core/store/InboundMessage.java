package dev.callstack.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An inbound message to store (the id is assigned by the store).
 *
 * @param sender        originator: number or alphanumeric name
 * @param body          the whole (or, when partial, the available) text
 * @param receivedAt    when Callstack received it
 * @param smscTimestamp the service centre time stamp, or {@code null}
 * @param parts         how many parts the message had (1–255)
 * @param partial       true when parts were missing at the reassembly timeout
 */
public record InboundMessage(String sender, String body, Instant receivedAt, Instant smscTimestamp, int parts,
                             boolean partial) {
    /**
     * Validates that {@code sender}, {@code body} and {@code receivedAt} are not null and {@code parts} is 1–255.
     *
     * @param sender        originator: number or alphanumeric name
     * @param body          the whole (or, when partial, the available) text
     * @param receivedAt    when Callstack received it
     * @param smscTimestamp the service centre time stamp, or {@code null}
     * @param parts         how many parts the message had (1–255)
     * @param partial       true when parts were missing at the reassembly timeout
     */
    public InboundMessage {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (parts < 1 || parts > 255) {
            throw new IllegalArgumentException("parts must be 1..255");
        }
    }

    @Override
    public String toString() {
        return "InboundMessage[parts=" + parts + ", partial=" + partial + ", bodyLength=" + body.length() + "]";
    }
}
