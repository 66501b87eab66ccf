package dev.callstack.server.internal;

import dev.callstack.core.Modem;
import dev.callstack.core.store.MessageStore;
import dev.callstack.modem.SerialModem;
import dev.callstack.modem.SerialModemConfig;
import dev.callstack.modem.store.SqliteMessageStore;
import dev.callstack.testkit.sim.SimProfile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns {@code --modem} into a modem. Every choice is the AT stack ({@link SerialModem}) running
 * its SMS service on the SQLite store at {@code --db}: on a serial device path, on {@code tcp://host:port}, or, for
 * {@code simulator[:sim800|sim7600|ec25|huawei]}, against the AT modem simulator playing that device, with a little
 * background activity ({@link SimulatorModem}).
 *
 * <p>Stateless.
 */
public final class ModemFactory {
    public static final String SIMULATOR = "simulator";
    /** The profile plain {@code --modem simulator} plays. */
    static final String DEFAULT_PROFILE = "sim800";
    /** What {@code Main} prints, and exits 2, when no modem was named: there is deliberately no default. */
    public static final String NO_MODEM =
            "no modem: pass --modem /dev/serial/by-id/..., --modem tcp://host:port, or --modem simulator";
    private static final Logger log = LoggerFactory.getLogger(ModemFactory.class);

    private ModemFactory() {
    }

    /**
     * Opens the modem {@code spec} names; it starts connecting in the background (requests fail with 503 until it
     * is up). Stored content is kept forever: {@code Main} passes {@code --retention} to the other overload.
     *
     * @param simPin the SIM PIN or null; never logged
     * @param db     the SQLite store file
     * @throws IllegalArgumentException when the modem cannot be opened, with a message for the operator
     */
    public static OpenedModem open(String spec, String simPin, Path db) {
        return open(spec, simPin, db, Duration.ZERO);
    }

    /**
     * As {@link #open(String, String, Path)}, erasing message bodies and numbers older than {@code retention} from
     * the store daily ({@link Duration#ZERO}: keep them forever).
     */
    public static OpenedModem open(String spec, String simPin, Path db, Duration retention) {
        return open(spec, simPin, db, retention, SerialModemConfig.DEFAULT_SWEEP_INTERVAL);
    }

    /**
     * As {@link #open(String, String, Path, Duration)}, sweeping the modem's SMS storage every
     * {@code sweepInterval} ({@link Duration#ZERO}: only on connect and on storage-full signals).
     */
    public static OpenedModem open(String spec, String simPin, Path db, Duration retention, Duration sweepInterval) {
        return open(spec, simPin, db, retention, sweepInterval, SerialModemConfig.DEFAULT_SEND_RATE);
    }

    /**
     * As {@link #open(String, String, Path, Duration, Duration)}, with the outbox handing a real modem at most
     * {@code sendRatePerMinute} messages a minute (0: no limit). The simulator keeps the default rate.
     */
    public static OpenedModem open(String spec, String simPin, Path db, Duration retention, Duration sweepInterval,
                                   int sendRatePerMinute) {
        return open(spec, simPin, db, retention, sweepInterval, sendRatePerMinute, null);
    }

    /**
     * As {@link #open(String, String, Path, Duration, Duration, int)}, with the modem's PCM audio port
     * ({@code --audio-port}: a serial device or {@code tcp://host:port}), or null for none (calls without audio).
     */
    public static OpenedModem open(String spec, String simPin, Path db, Duration retention, Duration sweepInterval,
                                   int sendRatePerMinute, String audioPort) {
        if (sendRatePerMinute < 0) {
            throw new IllegalArgumentException("--send-rate must not be negative");
        }
        if (retention.isNegative()) {
            throw new IllegalArgumentException("--retention must not be negative");
        }
        if (sweepInterval.isNegative()) {
            throw new IllegalArgumentException("--sweep-interval must not be negative");
        }
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException(NO_MODEM);
        }
        SimProfile profile = simulatorProfile(spec);
        if (profile != null && audioPort != null) {
            throw new IllegalArgumentException("--audio-port is for a real modem: the simulator brings its own audio "
                    + "port (simulator:sim7600 or simulator:ec25)");
        }
        if (profile != null) {
            log.warn("SIMULATED MODEM (--modem {}): nothing reaches a real network; no SMS, call or USSD "
                    + "leaves this process. Use --modem /dev/serial/by-id/... or tcp://host:port for a real modem.",
                    SIMULATOR + ":" + profile.wireName());
            return onStore(db, retention, true, store -> SimulatorModem.start(store,
                    SimulatorActivity.Schedule.DEFAULT, profile, sweepInterval));
        }
        if (!SerialModemConfig.isTcp(spec) && !spec.startsWith("/")) {
            throw new IllegalArgumentException(
                    "--modem must be a serial device path (/dev/...), tcp://host:port or simulator");
        }
        SerialModemConfig config;
        try {
            config = SerialModemConfig.builder(spec).simPin(simPin == null || simPin.isEmpty() ? null : simPin)
                    .sweepInterval(sweepInterval).sendRatePerMinute(sendRatePerMinute).audioPort(audioPort).build();
        } catch (IllegalArgumentException invalid) {
            // The config's own message may name the PIN rule, never the PIN; the spec itself is not secret.
            throw new IllegalArgumentException("--modem " + spec + ": " + invalid.getMessage(), invalid);
        }
        return onStore(db, retention, false, store -> {
            SerialModem modem = SerialModem.builder(config).messageStore(store).build();
            modem.start();
            return new StoreOwningModem(modem, store);
        });
    }

    /**
     * The simulator profile {@code spec} names ({@code simulator} is {@value #DEFAULT_PROFILE},
     * {@code simulator:<profile>} any of {@link SimProfile}), or null when {@code spec} is no simulator.
     */
    static SimProfile simulatorProfile(String spec) {
        if (SIMULATOR.equals(spec)) {
            return SimProfile.named(DEFAULT_PROFILE);
        }
        if (!spec.startsWith(SIMULATOR + ":")) {
            return null;
        }
        try {
            return SimProfile.named(spec.substring(SIMULATOR.length() + 1));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("--modem " + spec + ": " + unknown.getMessage(), unknown);
        }
    }

    /** Opens the store and the modem on it; the modem owns the store from then on (closing it closes the store). */
    private static OpenedModem onStore(Path db, Duration retention, boolean simulated,
                                       Function<MessageStore, Modem> open) {
        SqliteMessageStore store = openStore(Objects.requireNonNull(db, "db"));
        try {
            Modem modem = open.apply(store);
            if (!retention.isZero()) {
                modem = new RetentionOwningModem(modem,
                        new RetentionSweeper(store, retention, Clock.systemUTC()).start());
            }
            return new OpenedModem(modem, () -> storeWorks(store), simulated);
        } catch (RuntimeException failed) {
            store.close();
            throw failed;
        }
    }

    private static SqliteMessageStore openStore(Path db) {
        try {
            return SqliteMessageStore.open(db);
        } catch (RuntimeException failed) {
            throw new IllegalArgumentException("--db " + db + ": cannot open the message store ("
                    + failed.getClass().getSimpleName() + ")", failed);
        }
    }

    private static boolean storeWorks(MessageStore store) {
        try {
            store.deliveryReports(1);
            return true;
        } catch (RuntimeException broken) {
            return false;
        }
    }
}
