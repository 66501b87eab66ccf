package dev.callstack.core.event;

import java.time.Instant;
import java.util.OptionalInt;

/**
 * Signal quality as reported by {@code AT+CSQ}.
 *
 * @param rssi 0–31, or 99 when not known
 * @param ber  0–7, or 99 when not known
 */
public record SignalQuality(Instant timestamp, int rssi, int ber) implements ModemEvent {
    /** The 27.007 value for "not known or not detectable", for both {@code rssi} and {@code ber}. */
    public static final int UNKNOWN = 99;

    /**
     * Validates non-null {@code timestamp} and that each reading is in range or {@link #UNKNOWN}.
     *
     * @param timestamp when Callstack observed the event
     * @param rssi      0–31, or 99 when not known
     * @param ber       0–7, or 99 when not known
     */
    public SignalQuality {
        Checks.notNull(timestamp, "timestamp");
        if (rssi != UNKNOWN) {
            Checks.range(rssi, 0, 31, "rssi");
        }
        if (ber != UNKNOWN) {
            Checks.range(ber, 0, 7, "ber");
        }
    }

    /**
     * Received power in dBm (−113 + 2·rssi, 3GPP TS 27.007).
     *
     * @return −113 to −51 dBm, or empty when rssi is unknown
     */
    public OptionalInt dbm() {
        return rssi == UNKNOWN ? OptionalInt.empty() : OptionalInt.of(-113 + 2 * rssi);
    }
}
