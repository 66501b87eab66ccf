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
    private volatile SmsModemSetup setup = new SmsModemSetup(true, ModemStorage.DEFAULT, List.of(ModemStorage.DEFAULT),
            null);
    // Whether this connection's init succeeded; only then can a setting be found lost.
    private volatile boolean initialised;
    private final Runnable settingsLost;

    /**
     * @param settingsLost told (on the inbound thread) when the periodic check finds the {@code AT+CNMI} the init
     *                     set has gone: the modem restarted without the link dropping
     */
    SmsConnectRoutine(SmsInitializer initializer, ModemStorage storage, StorageSweeper sweeper,
                      SmsMaintenance maintenance, Runnable settingsLost) {
        this.settingsLost = Objects.requireNonNull(settingsLost, "settingsLost");
        this.initializer = Objects.requireNonNull(initializer, "initializer");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.sweeper = Objects.requireNonNull(sweeper, "sweeper");
        this.maintenance = Objects.requireNonNull(maintenance, "maintenance");
    }

    /** Init, maintenance, sweep; returns whether the modem took PDU mode. */
    boolean connected() {
        initialised = false;
        boolean pduMode = false;
        try {
            SmsModemSetup s = initializer.run();
            storage.assume(s.readStorage());
            setup = s;
            pduMode = true;
            initialised = true;
        } catch (CallstackException e) {
            log.warn("SMS init failed: {}; sweeping with defaults, the init is retried",
                    e.getClass().getSimpleName());
        }
        maintenance.run();
        try {
            sweeper.sweep(setup.sweep());
        } catch (CallstackException e) {
            log.warn("SMS storage sweep failed: {}", e.getClass().getSimpleName());
        }
        return pduMode;
    }

    /** A retry of a failed init: on success, maintenance and a sweep follow; returns whether it succeeded. */
    boolean retryInit() {
        try {
            SmsModemSetup s = initializer.run();
            storage.assume(s.readStorage());
            setup = s;
            initialised = true;
        } catch (CallstackException e) {
            log.info("SMS init still failing: {}", e.getClass().getSimpleName());
            return false;
        }
        maintenance.run();
        try {
            sweeper.sweep(setup.sweep());
        } catch (CallstackException e) {
            log.warn("SMS storage sweep failed: {}", e.getClass().getSimpleName());
        }
        return true;
    }

    /** The connection ended: nothing to check until the next init succeeds. */
    void disconnected() {
        initialised = false;
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

    /** Maintenance, then the cheap check that the modem still has the {@code AT+CNMI} the init set. */
    void maintain() {
        maintenance.run();
        if (initialised && initializer.indicationsLost(setup)) {
            initialised = false;
            log.warn("The modem lost its AT+CNMI setting (power-on defaults): it restarted; initialising it again");
            settingsLost.run();
        }
    }

    /** Whether {@code +CMT}/{@code +CDS} must be acknowledged with {@code AT+CNMA} on this connection. */
    boolean ackRequired() {
        return setup.ackRequired();
    }
}
