package dev.callstack.core;

import java.util.List;
import java.util.Objects;

/**
 * An SMS the network accepted.
 *
 * @param messageId  the id under which it was stored
 * @param recipient  where it went
 * @param references TP-MR of each part, in part order
 */
public record SmsSendResult(long messageId, PhoneNumber recipient, List<Integer> references) {
    /**
     * Validates a non-null recipient and at least one reference; copies {@code references}.
     *
     * @param messageId  the id under which it was stored
     * @param recipient  where it went
     * @param references TP-MR of each part, in part order
     */
    public SmsSendResult {
        Objects.requireNonNull(recipient, "recipient");
        references = List.copyOf(Objects.requireNonNull(references, "references"));
        if (references.isEmpty()) {
            throw new IllegalArgumentException("references must not be empty");
        }
    }

    /**
     * How many parts the message was sent in.
     *
     * @return the number of references, at least 1
     */
    public int parts() {
        return references.size();
    }

    /**
     * The first part's reference.
     *
     * @return TP-MR of part 1, 0–255
     */
    public int reference() {
        return references.get(0);
    }
}
