package dev.callstack.modem.internal.sms;

import static org.awaitility.Awaitility.await;

import dev.callstack.core.Outbox;
import dev.callstack.core.SmsApi;
import dev.callstack.core.event.Delivery;
import dev.callstack.core.event.ModemEvent;
import dev.callstack.core.store.MessageStore;
import dev.callstack.modem.PluggableSimLink;
import dev.callstack.modem.SerialModem;
import dev.callstack.modem.SerialModemConfig;
import dev.callstack.modem.SerialModemTestHooks;
import dev.callstack.modem.internal.SmsModule;
import dev.callstack.modem.internal.urc.SmsUrc;
import dev.callstack.modem.store.SqliteMessageStore;
import dev.callstack.testkit.sim.AtModemSimulator;
import dev.callstack.testkit.sim.SimProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulator, a SerialModem with the real SMS service over an in-memory pipe to it, its store, a hand-moved clock
 * and every event the modem published. {@link #restart} closes the modem (as a crash would: the store stays) and
 * starts a new one on the same store file.
 */
final class SmsHarness implements AutoCloseable {
    final AtModemSimulator sim;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    final List<ModemEvent> events = new CopyOnWriteArrayList<>();
    final PluggableSimLink link;
    /** SMS connect hooks that have returned, over every modem this harness started. */
    private final AtomicInteger smsReady = new AtomicInteger();
    private final Path file;
    // Generous: tests that want a send to time out set their own; the others must never see it fire on a slow box.
    private SmsSettings settings = SmsSettings.defaults().withSendTimeout(Duration.ofSeconds(30));
    private Duration initRetryFirst = Duration.ofMillis(200);
    private Duration commandTimeout = Duration.ofSeconds(10);
    private String simPin;
    MessageStore store;
    SerialModem modem;
    volatile SmsService service;

    /** In-memory store. */
    SmsHarness() {
        this(null, SimProfile.SIM800);
    }

    /** A store in {@code file}, kept across {@link #restart}. */
    SmsHarness(Path file) {
        this(file, SimProfile.SIM800);
    }

    /** In-memory store, the simulator playing {@code profile}. */
    SmsHarness(SimProfile profile) {
        this(null, profile);
    }

    private SmsHarness(Path file, SimProfile profile) {
        this.sim = new AtModemSimulator(profile);
        this.link = new PluggableSimLink(sim);
        this.file = file;
        this.store = file == null ? SqliteMessageStore.inMemory() : SqliteMessageStore.open(file);
    }

    /** The wait before the first retry of a failed SMS init (doubling, capped at 30 s). */
    SmsHarness initRetry(Duration first) {
        initRetryFirst = first;
        return this;
    }

    SmsHarness settings(SmsSettings value) {
        settings = value;
        return this;
    }

    /** The SIM PIN the modem enters when the SIM asks for it. */
    SmsHarness simPin(String value) {
        simPin = value;
        return this;
    }

    /** For the few tests that let a command time out on purpose. */
    SmsHarness commandTimeout(Duration value) {
        commandTimeout = value;
        return this;
    }

    SerialModem start() {
        // No SMS test lets a command time out: a timeout here could only be a slow box failing the SMS init.
        SerialModemConfig config = SerialModemConfig.builder("sim")
                .commandTimeout(commandTimeout)
                .signalPollInterval(Duration.ofHours(1))
                .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(200))
                .clock(clock)
                .simPin(simPin)
                .build();
        SmsSettings s = settings;
        MessageStore st = store;
        Duration retry = initRetryFirst;
        modem = SerialModemTestHooks.sms(SerialModem.builder(config).connections(link), context -> {
            service = new SmsService(context, st, false, s, 1024, retry, Duration.ofSeconds(30));
            return new ReadySignal(service, smsReady);
        }).build();
        modem.events().subscribe(ModemEvent.class, events::add, Delivery.inline());
        modem.start();
        return modem;
    }

    /**
     * Starts and waits until the SMS connect hook has returned: PDU mode is set, the storage sweep has handled (and
     * deleted) what it found and switched back to the home storage, and sends are let through. Seeing the sweep's
     * {@code AT+CMGL=4} arrive is not enough: the sim lists the storage after recording the command, so a message
     * stored right then is found by the sweep instead of its {@code +CMTI}, and the rest of the sweep is still to come.
     */
    SerialModem startAndAwaitSmsReady() {
        int before = smsReady.get();
        start();
        await().until(() -> smsReady.get() > before);
        return modem;
    }

    /** How many SMS connect hooks have returned so far (see {@link #startAndAwaitSmsReady}). */
    int smsReadyCount() {
        return smsReady.get();
    }

    /** The modem dies without any clean-up beyond its own close; the store file stays. A new modem starts. */
    SerialModem restart() {
        modem.close();
        store.close();
        events.clear();
        store = SqliteMessageStore.open(file);
        return startAndAwaitSmsReady();
    }

    <E extends ModemEvent> List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    void unplug() {
        link.unplug();
    }

    void replug() {
        link.replug();
    }

    @Override
    public void close() {
        if (modem != null) {
            modem.close();
        }
        sim.close();
        store.close();
    }

    /** The SMS service as the modem sees it, counting connect hooks that have returned. Thread-safe. */
    private static final class ReadySignal implements SmsModule {
        private final SmsModule service;
        private final AtomicInteger ready;

        ReadySignal(SmsModule service, AtomicInteger ready) {
            this.service = Objects.requireNonNull(service, "service");
            this.ready = Objects.requireNonNull(ready, "ready");
        }

        @Override
        public SmsApi api() {
            return service.api();
        }

        @Override
        public Outbox outbox() {
            return service.outbox();
        }

        @Override
        public void onSmsUrc(SmsUrc urc) {
            service.onSmsUrc(urc);
        }

        @Override
        public void onConnected() {
            service.onConnected();
            ready.incrementAndGet();
        }

        @Override
        public void onDisconnected(String reason) {
            service.onDisconnected(reason);
        }

        @Override
        public void onSmsReady() {
            service.onSmsReady();
        }

        @Override
        public void close() {
            service.close();
        }
    }
}
