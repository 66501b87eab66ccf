package dev.callstack.core.event;

import java.time.Instant;

/** One ring of an incoming call ({@code RING} / {@code +CRING}). */
public record CallRing(Instant timestamp) implements ModemEvent {
    /**
     * Validates that {@code timestamp} is not null.
     *
     * @param timestamp when Callstack observed the event
     */
    public CallRing {
        Checks.notNull(timestamp, "timestamp");
    }
}
