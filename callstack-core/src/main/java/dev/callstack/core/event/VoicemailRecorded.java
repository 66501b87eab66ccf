package dev.callstack.core.event;

import dev.callstack.core.Redaction;
import java.time.Duration;
import java.time.Instant;

/**
 * A voicemail was recorded and stored; {@code id} names it for the server's {@code /voicemail} routes.
 *
 * @param timestamp when Callstack stored it
 * @param id        the stored voicemail's id (random, never derived from the caller)
 * @param duration  how long the recording is; not negative
 * @param caller    the caller's number as the network presented it, or null when it was withheld
 */
public record VoicemailRecorded(Instant timestamp, String id, Duration duration, String caller) implements ModemEvent {
    /**
     * Validates the fields.
     *
     * @param timestamp when Callstack stored it
     * @param id        the voicemail's id; not blank
     * @param duration  the recording's length; not null, not negative
     * @param caller    the caller, or null when withheld
     */
    public VoicemailRecorded {
        Checks.notNull(timestamp, "timestamp");
        Checks.notBlank(id, "id");
        Checks.notNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative");
        }
    }

    /** Caller redacted: a number is personal data. */
    @Override
    public String toString() {
        return "VoicemailRecorded[timestamp=" + timestamp + ", id=" + id + ", duration=" + duration + ", caller="
                + Redaction.phone(caller) + "]";
    }
}
