package dev.callstack.core.store;

import dev.callstack.core.Redaction;
import dev.callstack.core.event.DeliveryStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stored sent message.
 *
 * @param id         store id
 * @param recipient  as sent
 * @param body       the text
 * @param parts      how many parts it was split into
 * @param createdAt  when sending started
 * @param sentParts  the parts that got a reference so far, by part number
 */
public record SentMessage(long id, String recipient, String body, int parts, Instant createdAt,
                          List<SentPart> sentParts) {
    /**
     * Validates that {@code recipient}, {@code body} and {@code createdAt} are not null; copies {@code sentParts}.
     *
     * @param id        store id
     * @param recipient as sent
     * @param body      the text
     * @param parts     how many parts it was split into
     * @param createdAt when sending started
     * @param sentParts the parts that got a reference so far, by part number
     */
    public SentMessage {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
        sentParts = List.copyOf(sentParts);
    }

    /**
     * The message as a whole: FAILED if any part failed, DELIVERED when every part was delivered, otherwise
     * PENDING (UNKNOWN while no part went out).
     *
     * @return the aggregate delivery status; never null
     */
    public DeliveryStatus status() {
        if (sentParts.isEmpty()) {
            return DeliveryStatus.UNKNOWN;
        }
        if (sentParts.stream().anyMatch(p -> p.status() == DeliveryStatus.FAILED)) {
            return DeliveryStatus.FAILED;
        }
        boolean allDelivered = sentParts.size() == parts
                && sentParts.stream().allMatch(p -> p.status() == DeliveryStatus.DELIVERED);
        return allDelivered ? DeliveryStatus.DELIVERED : DeliveryStatus.PENDING;
    }

    @Override
    public String toString() {
        return "SentMessage[id=" + id + ", to=" + Redaction.phone(recipient) + ", parts=" + parts + ", sent="
                + sentParts.size() + "]";
    }
}
