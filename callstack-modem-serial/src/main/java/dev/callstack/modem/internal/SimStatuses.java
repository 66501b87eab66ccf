package dev.callstack.modem.internal;

import dev.callstack.core.SimStatus;
import java.util.Locale;
import java.util.Map;

/**
 * The {@link SimStatus} a {@code +CPIN:} value (answer or URC) stands for, as a table. Pure.
 */
final class SimStatuses {
    private static final Map<String, SimStatus> TABLE = Map.of(
            "READY", SimStatus.READY,
            "SIM PIN", SimStatus.PIN_REQUIRED,
            "SIM PUK", SimStatus.PUK_REQUIRED,
            "NOT READY", SimStatus.NOT_READY,
            "SIM BUSY", SimStatus.NOT_READY,
            "NOT INSERTED", SimStatus.ABSENT,
            "SIM REMOVED", SimStatus.ABSENT,
            "NO SIM", SimStatus.ABSENT);

    private SimStatuses() {
    }

    /** {@code value} is what follows {@code +CPIN:} ({@code READY}, {@code SIM PIN}...); unknown values map to UNKNOWN. */
    static SimStatus of(String value) {
        return TABLE.getOrDefault(value.strip().toUpperCase(Locale.ROOT), SimStatus.UNKNOWN);
    }
}
