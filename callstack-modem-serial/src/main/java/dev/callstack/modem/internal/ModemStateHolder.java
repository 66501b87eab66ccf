package dev.callstack.modem.internal;

import dev.callstack.core.AccessTechnology;
import dev.callstack.core.ModemState;
import dev.callstack.core.ModemStatus;
import dev.callstack.core.Registration;
import dev.callstack.core.SimStatus;
import dev.callstack.core.event.SignalQuality;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The current {@link ModemState} and the facts {@link ModemStatus} adds to it (profile, counters, SIM, technology,
 * storage, identity). Each component writes its own facts here; every update is atomic. Thread-safe.
 */
public final class ModemStateHolder {
    private final AtomicReference<ModemState> state = new AtomicReference<>(ModemState.disconnected());
    private final AtomicReference<String> profile = new AtomicReference<>();
    private final AtomicLong restarts = new AtomicLong();
    private final AtomicLong floodDisconnects = new AtomicLong();
    private final AtomicReference<String> lastDisconnect = new AtomicReference<>();
    private final AtomicReference<SimStatus> sim = new AtomicReference<>(SimStatus.UNKNOWN);
    private final AtomicReference<AccessTechnology> technology = new AtomicReference<>(AccessTechnology.UNKNOWN);
    private final AtomicReference<ModemStatus.Sms> sms = new AtomicReference<>(ModemStatus.Sms.UNKNOWN);
    private final AtomicReference<ModemStatus.Identity> identity =
            new AtomicReference<>(ModemStatus.Identity.UNKNOWN);

    public ModemState get() {
        return state.get();
    }

    /** The full status; {@code haltReason} comes from the lifecycle, which owns it. */
    public ModemStatus status(String haltReason) {
        ModemState s = state.get();
        return new ModemStatus(
                new ModemStatus.Device(s.connected(), s.manufacturer(), s.model(), s.revision(), profile.get(),
                        (int) Math.min(Integer.MAX_VALUE, restarts.get()), floodDisconnects.get(), haltReason,
                        lastDisconnect.get()),
                new ModemStatus.Sim(s.connected() || sim.get() != SimStatus.READY ? sim.get() : SimStatus.UNKNOWN),
                new ModemStatus.Network(s.registration(), s.connected() ? technology.get() : AccessTechnology.UNKNOWN,
                        s.operator(), s.signal()),
                sms.get(), identity.get());
    }

    void connected(String manufacturer, String model, String revision, Registration registration, String operator) {
        state.updateAndGet(s -> new ModemState(true, registration, operator, s.signal(), manufacturer, model,
                revision));
    }

    void disconnected(String reason) {
        lastDisconnect.set(reason);
        state.set(ModemState.disconnected());
        technology.set(AccessTechnology.UNKNOWN);
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

    /** The quirk profile chosen at init ({@code "sim800"}, {@code "generic"}...). */
    void profile(String name) {
        profile.set(name);
    }

    /** The modem restarted under a live link and was initialised again. */
    void restarted() {
        restarts.incrementAndGet();
    }

    /** The link was dropped because the modem sent more than could be framed. */
    void floodDisconnected() {
        floodDisconnects.incrementAndGet();
    }

    void sim(SimStatus status) {
        sim.set(Objects.requireNonNull(status, "status"));
    }

    void technology(AccessTechnology act) {
        technology.set(Objects.requireNonNull(act, "act"));
    }

    void identity(ModemStatus.Identity ids) {
        identity.set(Objects.requireNonNull(ids, "ids"));
    }

    /** Storage figures of the read storage (-1 when not known). Public: the SMS package reports them. */
    public void storage(int used, int total) {
        sms.updateAndGet(s -> new ModemStatus.Sms(used, total, s.sweepInterval(), s.lastSweep(), s.undecodable()));
    }

    /** The periodic sweep's interval ({@link Duration#ZERO}: off). Public: the SMS package reports it. */
    public void sweepInterval(Duration interval) {
        sms.updateAndGet(s -> new ModemStatus.Sms(s.storageUsed(), s.storageTotal(), interval, s.lastSweep(),
                s.undecodable()));
    }

    /** A sweep of every storage finished at {@code at}. Public: the SMS package reports it. */
    public void swept(Instant at) {
        sms.updateAndGet(s -> new ModemStatus.Sms(s.storageUsed(), s.storageTotal(), s.sweepInterval(), at,
                s.undecodable()));
    }

    /** An undecodable PDU was kept and deleted from the modem. Public: the SMS package reports it. */
    public void undecodable() {
        sms.updateAndGet(s -> new ModemStatus.Sms(s.storageUsed(), s.storageTotal(), s.sweepInterval(), s.lastSweep(),
                s.undecodable() + 1));
    }
}
