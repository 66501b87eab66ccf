package dev.callstack.core.event;

import dev.callstack.core.Redaction;
import java.time.Instant;

/** A DTMF tone received during a call; {@code digit} is one of {@code 0-9 * # A-D}. */
public record DtmfReceived(Instant timestamp, char digit) implements ModemEvent {
    /**
     * Validates that {@code timestamp} is not null and {@code digit} is a DTMF digit ({@link #isDtmf(char)}).
     *
     * @param timestamp when Callstack observed the event
     * @param digit     the tone received: one of {@code 0-9 * # A-D}
     */
    public DtmfReceived {
        Checks.notNull(timestamp, "timestamp");
        if (!isDtmf(digit)) {
            throw new IllegalArgumentException("digit must be one of 0-9 * # A-D");
        }
    }

    /**
     * The one rule for what a DTMF digit is.
     *
     * @param c the character to test
     * @return whether {@code c} is one of {@code 0-9 * # A-D} (upper case only)
     */
    public static boolean isDtmf(char c) {
        return (c >= '0' && c <= '9') || c == '*' || c == '#' || (c >= 'A' && c <= 'D');
    }

    /** Digit hidden: DTMF often carries PINs and account numbers. */
    @Override
    public String toString() {
        return "DtmfReceived[timestamp=" + timestamp + ", digit=" + Redaction.REDACTED + "]";
    }
}
