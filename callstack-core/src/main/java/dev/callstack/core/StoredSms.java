package dev.callstack.core;

import java.time.Instant;
import java.util.Objects;

/**
 * An inbound SMS as kept by the modem's store.
 *
 * @param id            store id; newer messages have larger ids
 * @param sender        the originator (number or alphanumeric name)
 * @param body          the whole text
 * @param receivedAt    when Callstack stored it
 * @param smscTimestamp the service centre time stamp, or {@code null}
 * @param parts         how many parts it had
 * @param partial       true when it was delivered incomplete after the reassembly timeout
 */
public record StoredSms(long id, String sender, String body, Instant receivedAt, Instant smscTimestamp, int parts,
                        boolean partial) {
    public StoredSms {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
