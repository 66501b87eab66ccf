package dev.callstack.modem.internal.sms;

import dev.callstack.core.CallstackException;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS side of every connect: the PDU-mode init, the storage setup it found (read storage, storages to sweep,
 * whether {@code +CMT}/{@code +CDS} need {@code AT+CNMA}), maintenance, and a sweep of the modem storages.
 *
 * <p>Not thread-safe; confined to the inbound thread ({@link #ackRequired()} may be read anywhere).
 */
final class SmsConnectRoutine {
    private static final Logger log = LoggerFactory.getLogger(SmsConnectRoutine.class);

    private final SmsInitializer initializer;
    private final ModemStorage storage;
    private final StorageSweeper sweeper;
    private final SmsMaintenance maintenance;
    // Written on the inbound thread, read there too; volatile for the rare reader elsewhere (logs, tests).
    private volatile SmsModemSetup setup = new SmsModemSetup(true, ModemStorage.DEFAULT, List.of(ModemStorage.DEFAULT));

    SmsConnectRoutine(SmsInitializer initializer, ModemStorage storage, StorageSweeper sweeper,
                      SmsMaintenance maintenance) {
        this.initializer = Objects.requireNonNull(initializer, "initializer");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.sweeper = Objects.requireNonNull(sweeper, "sweeper");
        this.maintenance = Objects.requireNonNull(maintenance, "maintenance");
    }

    /** Init, maintenance, sweep; returns whether the modem took PDU mode. */
    boolean connected() {
        boolean pduMode = false;
        try {
            SmsModemSetup s = initializer.run();
            storage.assume(s.readStorage());
            setup = s;
            pduMode = true;
        } catch (CallstackException e) {
            log.warn("SMS init failed: {}; sweeping with defaults, sends refused until the next connect",
                    e.getClass().getSimpleName());
        }
        maintain();
        try {
            sweeper.sweep(setup.sweep());
        } catch (CallstackException e) {
            log.warn("SMS storage sweep failed: {}", e.getClass().getSimpleName());
        }
        return pduMode;
    }

    /** Runs the init again (restoring {@code +CNMI} routing); a failure keeps the setup found before. */
    void reinit() {
        try {
            SmsModemSetup s = initializer.run();
            storage.assume(s.readStorage());
            setup = s;
        } catch (CallstackException e) {
            log.warn("SMS re-init failed: {}", e.getClass().getSimpleName());
        }
    }

    /** Sweeps the storages the setup names. */
    void sweep() {
        sweeper.sweep(setup.sweep());
    }

    void maintain() {
        maintenance.run();
    }

    /** Whether {@code +CMT}/{@code +CDS} must be acknowledged with {@code AT+CNMA} on this connection. */
    boolean ackRequired() {
        return setup.ackRequired();
    }
}
