package dev.callstack.core.event;

import java.time.Instant;

/** The modem is open, initialised and ready for commands. */
public record ModemConnected(Instant timestamp) implements ModemEvent {
    /**
     * Validates that {@code timestamp} is not null.
     *
     * @param timestamp when Callstack observed the event
     */
    public ModemConnected {
        Checks.notNull(timestamp, "timestamp");
    }
}
