package dev.callstack.modem.pdu;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One decoded TP-SCTS or TP-DT. When {@code zoneUnknown} is set the zone octet was unreadable and {@code time} holds
 * the digits as sent at offset UTC.
 */
record ScTimestamp(OffsetDateTime time, boolean zoneUnknown) {
    ScTimestamp {
        Objects.requireNonNull(time, "time");
    }
}
