package dev.callstack.modem.internal.sms;

import static org.awaitility.Awaitility.await;

import dev.callstack.core.event.Delivery;
import dev.callstack.core.event.ModemEvent;
import dev.callstack.core.store.MessageStore;
import dev.callstack.modem.PluggableSimLink;
import dev.callstack.modem.SerialModem;
import dev.callstack.modem.SerialModemConfig;
import dev.callstack.modem.store.SqliteMessageStore;
import dev.callstack.testkit.sim.AtModemSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A simulator, a SerialModem with the real SMS service over an in-memory pipe to it, its store, a hand-moved clock
 * and every event the modem published. {@link #restart} closes the modem (as a crash would: the store stays) and
 * starts a new one on the same store file.
 */
final class SmsHarness implements AutoCloseable {
    final AtModemSimulator sim = new AtModemSimulator();
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    final List<ModemEvent> events = new CopyOnWriteArrayList<>();
    final PluggableSimLink link = new PluggableSimLink(sim);
    private final Path file;
    private SmsSettings settings = SmsSettings.defaults().withSendTimeout(Duration.ofSeconds(5));
    MessageStore store;
    SerialModem modem;
    volatile SmsService service;

    /** In-memory store. */
    SmsHarness() {
        this(null);
    }

    /** A store in {@code file}, kept across {@link #restart}. */
    SmsHarness(Path file) {
        this.file = file;
        this.store = file == null ? SqliteMessageStore.inMemory() : SqliteMessageStore.open(file);
    }

    SmsHarness settings(SmsSettings value) {
        settings = value;
        return this;
    }

    SerialModem start() {
        SerialModemConfig config = SerialModemConfig.builder("sim")
                .commandTimeout(Duration.ofSeconds(2))
                .signalPollInterval(Duration.ofHours(1))
                .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(200))
                .clock(clock)
                .build();
        SmsSettings s = settings;
        MessageStore st = store;
        modem = SerialModem.builder(config).links(link)
                .sms(context -> service = new SmsService(context, st, false, s)).build();
        modem.events().subscribe(ModemEvent.class, events::add, Delivery.inline());
        modem.start();
        return modem;
    }

    /** Starts and waits until the SMS init has run and the sweep has listed the storage. */
    SerialModem startAndAwaitSmsReady() {
        long before = sweeps();
        start();
        await().until(() -> sweeps() > before);
        return modem;
    }

    long sweeps() {
        return sim.commands().stream().filter("AT+CMGL=4"::equals).count();
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
}
