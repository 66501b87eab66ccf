package dev.callstack.core.event;

import dev.callstack.core.Redaction;
import java.time.Instant;
import java.util.List;

/**
 * An outbound SMS accepted by the network: every part got a message reference.
 *
 * @param recipient  the number it was sent to
 * @param references TP-MR of each part, in part order (0–255 each)
 * @param parts      number of parts; equals {@code references.size()}
 * @param messageId  id of the stored sent message, or {@code null} when it was not stored
 */
public record SmsSent(Instant timestamp, String recipient, List<Integer> references, int parts, Long messageId)
        implements ModemEvent {
    /**
     * Validates non-null {@code timestamp}, a non-blank recipient, one reference (0–255) per part, {@code parts} 1–255
     * and a positive {@code messageId} when set; copies {@code references}.
     *
     * @param timestamp  when Callstack observed the event
     * @param recipient  the number it was sent to
     * @param references TP-MR of each part, in part order (0–255 each)
     * @param parts      number of parts; equals {@code references.size()}
     * @param messageId  id of the stored sent message, or {@code null} when it was not stored
     */
    public SmsSent {
        Checks.notNull(timestamp, "timestamp");
        Checks.notBlank(recipient, "recipient");
        references = List.copyOf(Checks.notNull(references, "references"));
        Checks.range(parts, 1, 255, "parts");
        if (references.size() != parts) {
            throw new IllegalArgumentException("references must have one entry per part");
        }
        for (int reference : references) {
            Checks.range(reference, 0, 255, "reference");
        }
        Checks.positive(messageId, "messageId");
    }

    /**
     * The first part's reference: the one a single-part message is known by.
     *
     * @return TP-MR of part 1, 0–255
     */
    public int reference() {
        return references.get(0);
    }

    /** Recipient redacted, so an event that reaches a log line stays private. */
    @Override
    public String toString() {
        return "SmsSent[timestamp=" + timestamp + ", recipient=" + Redaction.phone(recipient) + ", references="
                + references + ", parts=" + parts + ", messageId=" + messageId + "]";
    }
}
