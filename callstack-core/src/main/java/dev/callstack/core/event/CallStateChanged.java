package dev.callstack.core.event;

import java.time.Instant;

/** The voice call moved to {@code state}. */
public record CallStateChanged(Instant timestamp, CallState state) implements ModemEvent {
    /** Validates that {@code timestamp} and {@code state} are not null. */
    public CallStateChanged {
        Checks.notNull(timestamp, "timestamp");
        Checks.notNull(state, "state");
    }
}
