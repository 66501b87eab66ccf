package dev.callstack.server.internal;

import dev.callstack.core.store.MessageStore;
import dev.callstack.modem.ConnectionFactory;
import dev.callstack.modem.SerialModem;
import dev.callstack.modem.SerialModemConfig;
import dev.callstack.testkit.sim.AtModemSimulator;
import dev.callstack.testkit.sim.SimProfile;
import dev.callstack.testkit.sim.SimulatorPipe;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * {@code --modem simulator[:profile]}: the real AT stack ({@link SerialModem}, SMS on the given store) talking to an
 * {@link AtModemSimulator} over an in-memory pipe, with {@link SimulatorActivity} playing the network. Closing
 * stops the activity, then the modem, then the store, then the simulator (the modem goes first so it does not
 * see the link vanish and start reconnecting).
 *
 * <p>Thread-safe.
 */
public final class SimulatorModem extends DelegatingModem {
    /** The simulated signal changes every few seconds; poll it as often so the changes show. */
    static final Duration SIGNAL_POLL = Duration.ofSeconds(5);

    private final AtModemSimulator simulator;
    private final MessageStore store;
    private final SimulatorActivity activity;

    private SimulatorModem(AtModemSimulator simulator, SerialModem modem, MessageStore store,
                           SimulatorActivity activity) {
        super(modem);
        this.simulator = simulator;
        this.store = store;
        this.activity = activity;
    }

    /**
     * The profiles whose real device has a PCM audio port (SIM7600 {@code AT+CPCMREG}, EC25 {@code AT+QPCMV}): the
     * simulator plays them with its in-memory audio port attached, so voice works with {@code --modem simulator:sim7600}.
     */
    static final Set<SimProfile> WITH_AUDIO_PORT = Set.of(SimProfile.SIM7600, SimProfile.EC25);

    /**
     * Starts the simulator, the modem (connecting in the background) and the activity. The returned modem owns
     * {@code store} and closes it; when this throws, the caller still owns it.
     */
    static SimulatorModem start(MessageStore store, SimulatorActivity.Schedule schedule) {
        return start(store, schedule, SimProfile.SIM800, SerialModemConfig.DEFAULT_SWEEP_INTERVAL);
    }

    /** As {@link #start(MessageStore, SimulatorActivity.Schedule)}, the simulator playing {@code profile}. */
    static SimulatorModem start(MessageStore store, SimulatorActivity.Schedule schedule, SimProfile profile,
                                Duration sweepInterval) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(sweepInterval, "sweepInterval");
        AtModemSimulator simulator = new AtModemSimulator(profile);
        SerialModem modem = null;
        try {
            SerialModemConfig config = SerialModemConfig.builder(ModemFactory.SIMULATOR)
                    .signalPollInterval(SIGNAL_POLL).sweepInterval(sweepInterval).build();
            ConnectionFactory links = () -> {
                SimulatorPipe pipe = simulator.openPipe();
                return new ConnectionFactory.Connection(pipe.hostInput(), pipe.hostOutput(), pipe, "simulator pipe");
            };
            SerialModem.Builder builder = SerialModem.builder(config).connections(links).messageStore(store);
            if (WITH_AUDIO_PORT.contains(profile)) {
                builder.audioConnections(() -> {
                    SimulatorPipe pipe = simulator.audio().openPipe();
                    return new ConnectionFactory.Connection(pipe.hostInput(), pipe.hostOutput(), pipe,
                            "simulator audio pipe");
                });
            }
            modem = builder.build();
            modem.start();
            SimulatorActivity activity = SimulatorActivity.start(simulator, Clock.systemUTC(), schedule);
            return new SimulatorModem(simulator, modem, store, activity);
        } catch (RuntimeException failed) {
            if (modem != null) {
                modem.close();
            }
            simulator.close();
            throw failed;
        }
    }

    /** The scripted network, to trigger an event now. */
    public SimulatorActivity activity() {
        return activity;
    }

    /** The simulated device, e.g. to see what the AT stack submitted. */
    public AtModemSimulator simulator() {
        return simulator;
    }

    @Override
    public void close() {
        activity.close();
        try {
            delegate().close();
        } finally {
            try {
                store.close();
            } finally {
                simulator.close();
            }
        }
    }
}
