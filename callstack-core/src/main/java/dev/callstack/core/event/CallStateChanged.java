package dev.callstack.core.event;

import java.time.Instant;

/** The voice call moved to {@code state}. */
public record CallStateChanged(Instant timestamp, CallState state) implements ModemEvent {
    /**
     * Validates that both components are not null.
     *
     * @param timestamp when Callstack observed the event
     * @param state     the state the call is in now
     */
    public CallStateChanged {
        Checks.notNull(timestamp, "timestamp");
        Checks.notNull(state, "state");
    }
}
