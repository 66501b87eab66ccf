package dev.callstack.modem.internal;

import dev.callstack.core.ModemState;
import dev.callstack.core.Registration;
import dev.callstack.core.event.SignalQuality;
import java.util.concurrent.atomic.AtomicReference;

/** The current {@link ModemState}; every update is atomic. Thread-safe. */
public final class ModemStateHolder {
    private final AtomicReference<ModemState> state = new AtomicReference<>(ModemState.disconnected());

    public ModemState get() {
        return state.get();
    }

    void connected(String manufacturer, String model, String revision, Registration registration, String operator) {
        state.updateAndGet(s -> new ModemState(true, registration, operator, s.signal(), manufacturer, model,
                revision));
    }

    void disconnected() {
        state.set(ModemState.disconnected());
    }

    void registration(Registration registration) {
        state.updateAndGet(s -> new ModemState(s.connected(), registration, s.operator(), s.signal(),
                s.manufacturer(), s.model(), s.revision()));
    }

    void operator(String operator) {
        state.updateAndGet(s -> new ModemState(s.connected(), s.registration(), operator, s.signal(),
                s.manufacturer(), s.model(), s.revision()));
    }

    void signal(SignalQuality signal) {
        state.updateAndGet(s -> new ModemState(s.connected(), s.registration(), s.operator(), signal,
                s.manufacturer(), s.model(), s.revision()));
    }
}
