package dev.callstack.core.event;

import java.time.Instant;

/**
 * The modem went away (unplugged, link error, end of stream, unresponsive, closed).
 *
 * @param reason a short technical reason for operators; never contains PII, never sent to realtime clients
 */
public record ModemDisconnected(Instant timestamp, String reason) implements ModemEvent {
    /**
     * Validates that both components are not null.
     *
     * @param timestamp when Callstack observed the event
     * @param reason    a short technical reason for operators; never contains PII, never sent to realtime clients
     */
    public ModemDisconnected {
        Checks.notNull(timestamp, "timestamp");
        Checks.notNull(reason, "reason");
    }
}
