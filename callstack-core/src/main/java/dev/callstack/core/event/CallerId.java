package dev.callstack.core.event;

import dev.callstack.core.Redaction;
import java.time.Instant;

/**
 * The calling line identity of an incoming call ({@code +CLIP}).
 *
 * @param number the caller's number as presented, or an empty string when the caller withheld it
 */
public record CallerId(Instant timestamp, String number) implements ModemEvent {
    /**
     * Validates that both components are not null ({@code number} may be empty).
     *
     * @param timestamp when Callstack observed the event
     * @param number    the caller's number as presented, or an empty string when the caller withheld it
     */
    public CallerId {
        Checks.notNull(timestamp, "timestamp");
        Checks.notNull(number, "number");
    }

    /** Number redacted, so an event that reaches a log line stays private. */
    @Override
    public String toString() {
        return "CallerId[timestamp=" + timestamp + ", number=" + Redaction.phone(number) + "]";
    }
}
