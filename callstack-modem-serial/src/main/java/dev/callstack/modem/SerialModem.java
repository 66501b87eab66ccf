package dev.callstack.modem;

import dev.callstack.core.CallApi;
import dev.callstack.core.Modem;
import dev.callstack.core.ModemState;
import dev.callstack.core.ModemStatus;
import dev.callstack.core.Outbox;
import dev.callstack.core.SmsApi;
import dev.callstack.core.UssdApi;
import dev.callstack.core.event.EventBus;
import dev.callstack.core.store.MessageStore;
import dev.callstack.core.voice.VoiceApi;
import dev.callstack.modem.internal.LinkOpener;
import dev.callstack.modem.internal.ModemEngine;
import dev.callstack.modem.internal.SmsModuleFactory;
import dev.callstack.modem.internal.link.StreamLink;
import dev.callstack.modem.internal.link.TcpConnector;
import dev.callstack.modem.internal.sms.SmsModules;
import dev.callstack.modem.internal.sms.SmsSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A real modem behind a serial port or a TCP serial server, driven over AT commands. Connecting happens in the
 * background: {@link #start()} returns at once, {@code ModemConnected} is published when init completes, and the
 * modem reconnects by itself (1 s → 60 s backoff by default) after an unplug, a link error or an unresponsive
 * modem. A rejected SIM PIN or a SIM PUK stops reconnecting (see {@link #haltReason()}).
 *
 * <p>Futures returned by {@link #ussd()} and {@link #calls()} complete on {@code ForkJoinPool.commonPool()}, never
 * on the modem's threads. Thread-safe.
 */
public final class SerialModem implements Modem {
    private static final Duration TCP_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final ModemEngine engine;

    private SerialModem(ModemEngine engine) {
        this.engine = engine;
    }

    /**
     * Creates the modem for {@code config.port()} and starts connecting in the background; use
     * {@link #awaitConnected(Duration)} (or wait for {@code ModemConnected}) before the first request, which
     * otherwise fails fast with {@code ModemUnavailableException}.
     *
     * @param config the port or {@code tcp://} address and the timings
     * @return the modem, already connecting
     */
    public static SerialModem create(SerialModemConfig config) {
        SerialModem modem = builder(config).build();
        modem.start();
        return modem;
    }

    /**
     * A builder for a modem that is not started yet (subscribe to {@link #events()} first, then {@link #start()}).
     *
     * @param config the port or {@code tcp://} address and the timings
     * @return the builder
     */
    public static Builder builder(SerialModemConfig config) {
        return new Builder(config);
    }

    /** Starts connecting in the background; call once. */
    public void start() {
        engine.start();
    }

    @Override
    public EventBus events() {
        return engine.events();
    }

    @Override
    public ModemState state() {
        return engine.state();
    }

    @Override
    public ModemStatus status() {
        return engine.status();
    }

    @Override
    public SmsApi sms() {
        return engine.sms();
    }

    /**
     * The durable outbox on the message store ({@link Builder#messageStore}; the default in-memory store has one too,
     * which a restart forgets). Messages are sent on the SMS send thread, one at a time, while the modem is connected.
     *
     * @return the outbox; the same instance on every call
     * @throws UnsupportedOperationException when the message store is not a {@code SqliteMessageStore}
     */
    @Override
    public Outbox outbox() {
        return engine.outbox();
    }

    @Override
    public UssdApi ussd() {
        return engine.ussd();
    }

    @Override
    public CallApi calls() {
        return engine.calls();
    }

    /**
     * Call audio over the configured audio port ({@link SerialModemConfig#audioPort()} or
     * {@link Builder#audioConnections}): status {@code ABSENT} without one.
     *
     * @return the voice API; the same instance on every call
     */
    @Override
    public VoiceApi voice() {
        return engine.voice();
    }

    /**
     * Waits until the modem is connected and initialised; true when it is, false after {@code timeout} (or when it
     * stopped reconnecting, see {@link #haltReason()}).
     *
     * @param timeout how long to wait at most
     * @return true when connected and initialised
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        return engine.awaitConnected(Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Why the modem stopped reconnecting, if it did.
     *
     * @return the reason, for example {@code "SIM PIN rejected (wrong PIN)"}; empty while it keeps (re)connecting
     */
    public Optional<String> haltReason() {
        return engine.haltReason();
    }

    @Override
    public void close() {
        engine.close();
    }

    /** Not thread-safe. */
    public static final class Builder {
        private final SerialModemConfig config;
        private ConnectionFactory links;
        private ConnectionFactory audioLinks;
        private SerialPortOpener serialPorts = SerialPortOpener.JSERIALCOMM;
        // Out of the box SMS works on an in-memory store; messageStore(...) makes it durable.
        private SmsModuleFactory sms;

        private Builder(SerialModemConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            this.sms = SmsModules.inMemory(smsSettings());
        }

        private SmsSettings smsSettings() {
            return SmsSettings.defaults().withSweepInterval(config.sweepInterval())
                    .withDeleteOutgoing(config.deleteStoredOutgoing()).withSendRate(config.sendRatePerMinute());
        }

        /**
         * Use these connections instead of opening {@code config.port()} (the simulator, an in-memory pipe).
         *
         * @param factory opens a connection on every (re)connect
         * @return this builder
         */
        public Builder connections(ConnectionFactory factory) {
            this.links = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /**
         * Use these connections for call audio instead of opening {@code config.audioPort()} (the simulator's audio
         * port, an in-memory pipe); opened once per active call.
         *
         * @param factory opens the audio connection of each call
         * @return this builder
         */
        public Builder audioConnections(ConnectionFactory factory) {
            this.audioLinks = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /**
         * Runs the SMS service (PDU mode, multipart, delivery reports, dedupe) on {@code store}, e.g.
         * {@code SqliteMessageStore.open(path)}; the caller closes the store after the modem.
         *
         * @param store where messages, reports and fingerprints are kept
         * @return this builder
         */
        public Builder messageStore(MessageStore store) {
            this.sms = SmsModules.withStore(Objects.requireNonNull(store, "store"), smsSettings());
            return this;
        }

        /**
         * Plugs in another SMS module. Package-private on purpose: {@link SmsModuleFactory} is internal, so this
         * hook is for this module's tests only (tests in other packages reach it through the test tree's
         * {@code SerialModemTestHooks}); embedders choose the store with {@link #messageStore}.
         */
        Builder sms(SmsModuleFactory factory) {
            this.sms = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** Opens device-path ports with {@code opener} instead of jSerialComm: this module's tests only. */
        Builder serialPorts(SerialPortOpener opener) {
            this.serialPorts = Objects.requireNonNull(opener, "opener");
            return this;
        }

        /**
         * Builds the modem; it does not connect until {@link SerialModem#start()}.
         *
         * @return the modem
         */
        public SerialModem build() {
            ModemEngine.Settings settings = new ModemEngine.Settings(config.simPin(), config.commandTimeout(),
                    config.signalPollInterval(), config.reconnectInitialDelay(), config.reconnectMaxDelay(),
                    config.clock());
            return new SerialModem(new ModemEngine(settings, opener(), sms, audioOpener()));
        }

        /** The audio port's opener, or null when there is none. */
        private LinkOpener audioOpener() {
            if (audioLinks != null) {
                return streams(audioLinks);
            }
            if (!config.hasAudioPort()) {
                return null;
            }
            if (SerialModemConfig.isTcp(config.audioPort())) {
                URI address = config.audioTcpAddress();
                return () -> TcpConnector.connect(address.getHost(), address.getPort(), TCP_CONNECT_TIMEOUT);
            }
            String port = config.audioPort();
            // Not the AT port's speed: 16 000 bytes/s of PCM need a faster line (see DEFAULT_AUDIO_BAUD).
            int baud = config.audioBaudRate();
            SerialPortOpener ports = serialPorts;
            return () -> ports.open(port, baud);
        }

        private static LinkOpener streams(ConnectionFactory factory) {
            return () -> {
                ConnectionFactory.Connection c = factory.open();
                return new StreamLink(c.input(), c.output(), c.closer(), c.description());
            };
        }

        private LinkOpener opener() {
            if (links != null) {
                return streams(links);
            }
            if (config.isTcp()) {
                URI address = config.tcpAddress();
                return () -> TcpConnector.connect(address.getHost(), address.getPort(), TCP_CONNECT_TIMEOUT);
            }
            String port = config.port();
            int baud = config.baudRate();
            SerialPortOpener ports = serialPorts;
            return () -> ports.open(port, baud);
        }
    }
}
