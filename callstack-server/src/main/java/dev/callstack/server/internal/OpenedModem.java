package dev.callstack.server.internal;

import dev.callstack.core.Modem;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What {@link ModemFactory} opened: the modem (closing it releases everything it owns), whether its message
 * store is usable, for {@code /healthz}, and whether it is the simulator (nothing reaches a real network).
 *
 * @param modem      the modem
 * @param storeReady whether the message store answers
 * @param simulated  true for {@code --modem simulator}
 */
public record OpenedModem(Modem modem, BooleanSupplier storeReady, boolean simulated) {
    public OpenedModem {
        Objects.requireNonNull(modem, "modem");
        Objects.requireNonNull(storeReady, "storeReady");
    }
}
