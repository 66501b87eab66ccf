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
    /**
     * Validates that {@code sender}, {@code body} and {@code receivedAt} are not null.
     *
     * @param id            store id; newer messages have larger ids
     * @param sender        the originator (number or alphanumeric name)
     * @param body          the whole text
     * @param receivedAt    when Callstack stored it
     * @param smscTimestamp the service centre time stamp, or {@code null}
     * @param parts         how many parts it had
     * @param partial       true when it was delivered incomplete after the reassembly timeout
     */
    public StoredSms {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** Sender redacted and no body, so a stored message that reaches a log line stays private. */
    @Override
    public String toString() {
        return "StoredSms[id=" + id + ", sender=" + Redaction.phone(sender) + ", body=" + Redaction.text(body)
                + ", receivedAt=" + receivedAt + ", smscTimestamp=" + smscTimestamp + ", parts=" + parts
                + ", partial=" + partial + "]";
    }
}
