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
    public static final int UNKNOWN = 99;

    public SignalQuality {
        Checks.notNull(timestamp, "timestamp");
        if (rssi != UNKNOWN) {
            Checks.range(rssi, 0, 31, "rssi");
        }
        if (ber != UNKNOWN) {
            Checks.range(ber, 0, 7, "ber");
        }
    }

    /** Received power in dBm (−113 + 2·rssi, 3GPP TS 27.007), empty when rssi is unknown. */
    public OptionalInt dbm() {
        return rssi == UNKNOWN ? OptionalInt.empty() : OptionalInt.of(-113 + 2 * rssi);
    }
}
