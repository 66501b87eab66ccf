package dev.callstack.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored part of an incomplete concatenated message.
 *
 * @param group         the message it belongs to
 * @param sequence      its part number, 1–{@code group.total()}
 * @param text          its decoded text
 * @param smscTimestamp its service centre time stamp, or {@code null}
 * @param receivedAt    when Callstack received it
 */
public record PendingPart(PartGroupKey group, int sequence, String text, Instant smscTimestamp, Instant receivedAt) {
    /**
     * Validates non-null {@code group}, {@code text} and {@code receivedAt}, and {@code sequence} within the group.
     *
     * @param group         the message it belongs to
     * @param sequence      its part number, 1–{@code group.total()}
     * @param text          its decoded text
     * @param smscTimestamp its service centre time stamp, or {@code null}
     * @param receivedAt    when Callstack received it
     */
    public PendingPart {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (sequence < 1 || sequence > group.total()) {
            throw new IllegalArgumentException("sequence must be 1.." + group.total());
        }
    }

    @Override
    public String toString() {
        return "PendingPart[" + group + ", seq=" + sequence + ", textLength=" + text.length() + "]";
    }
}
