package dev.callstack.core.event;

import dev.callstack.core.Redaction;
import java.time.Instant;

/**
 * An inbound SMS, reassembled when it came in several parts.
 *
 * @param sender        originator as the network gave it: an international or national number, or an
 *                      alphanumeric name such as {@code DUO}
 * @param body          the whole text
 * @param smscTimestamp the service centre time stamp, or {@code null} when unknown
 * @param parts         how many parts the message had (1 for a single SMS)
 * @param messageId     the id under which the message was stored, or {@code null} when it was not stored
 * @param partial       true when some parts never arrived and the message was delivered after the reassembly timeout
 */
public record SmsReceived(Instant timestamp, String sender, String body, Instant smscTimestamp, int parts,
                          Long messageId, boolean partial) implements ModemEvent {
    /**
     * Validates non-null {@code timestamp} and {@code body}, a non-blank sender, {@code parts} 1–255 and a positive
     * {@code messageId} when set.
     *
     * @param timestamp     when Callstack observed the event
     * @param sender        originator as the network gave it: an international or national number, or an alphanumeric
     *                      name such as {@code DUO}
     * @param body          the whole text
     * @param smscTimestamp the service centre time stamp, or {@code null} when unknown
     * @param parts         how many parts the message had (1 for a single SMS)
     * @param messageId     the id under which the message was stored, or {@code null} when it was not stored
     * @param partial       true when some parts never arrived and the message was delivered after the reassembly
     *                      timeout
     */
    public SmsReceived {
        Checks.notNull(timestamp, "timestamp");
        Checks.notBlank(sender, "sender");
        Checks.notNull(body, "body");
        Checks.range(parts, 1, 255, "parts");
        Checks.positive(messageId, "messageId");
    }

    /**
     * A complete message ({@code partial} false).
     *
     * @param timestamp     when Callstack observed the event
     * @param sender        originator as the network gave it
     * @param body          the whole text
     * @param smscTimestamp the service centre time stamp, or {@code null} when unknown
     * @param parts         how many parts the message had (1 for a single SMS)
     * @param messageId     the id under which the message was stored, or {@code null} when it was not stored
     */
    public SmsReceived(Instant timestamp, String sender, String body, Instant smscTimestamp, int parts, Long messageId) {
        this(timestamp, sender, body, smscTimestamp, parts, messageId, false);
    }

    /** Sender redacted and no body, so an event that reaches a log line stays private. */
    @Override
    public String toString() {
        return "SmsReceived[timestamp=" + timestamp + ", sender=" + Redaction.phone(sender) + ", body="
                + Redaction.text(body) + ", smscTimestamp=" + smscTimestamp + ", parts=" + parts + ", messageId="
                + messageId + ", partial=" + partial + "]";
    }
}
