package dev.callstack.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An open multipart group.
 *
 * @param key                 the group
 * @param firstPartReceivedAt when its earliest stored part arrived (the reassembly timeout runs from here)
 * @param partsReceived       how many distinct parts are stored
 */
public record PendingGroup(PartGroupKey key, Instant firstPartReceivedAt, int partsReceived) {
    /**
     * Validates that {@code key} and {@code firstPartReceivedAt} are not null.
     *
     * @param key                 the group
     * @param firstPartReceivedAt when its earliest stored part arrived (the reassembly timeout runs from here)
     * @param partsReceived       how many distinct parts are stored
     */
    public PendingGroup {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(firstPartReceivedAt, "firstPartReceivedAt");
    }
}
