package dev.callstack.server.internal;

import dev.callstack.core.Modem;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What {@link ModemFactory} opened: the modem (closing it releases everything it owns) and whether its message
 * store is usable, for {@code /healthz}.
 */
public record OpenedModem(Modem modem, BooleanSupplier storeReady) {
    public OpenedModem {
        Objects.requireNonNull(modem, "modem");
        Objects.requireNonNull(storeReady, "storeReady");
    }
}
