package dev.callstack.modem;

import static org.awaitility.Awaitility.await;

import dev.callstack.core.event.ModemEvent;
import dev.callstack.modem.internal.ModemEngine;
import dev.callstack.modem.internal.SmsModuleFactory;
import dev.callstack.modem.internal.UnavailableSmsModule;
import dev.callstack.modem.internal.link.ReaderThreadLink;
import dev.callstack.testkit.sim.AtModemSimulator;
import dev.callstack.testkit.sim.SimProfile;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A simulator, a SerialModem over an in-memory pipe to it, and every event the modem published, in order. */
final class SimHarness implements AutoCloseable {
    final AtModemSimulator sim;
    final List<ModemEvent> events = new CopyOnWriteArrayList<>();
    final PluggableSimLink link;
    SerialModem modem;

    SimHarness() {
        this(SimProfile.SIM800);
    }

    SimHarness(SimProfile profile) {
        sim = new AtModemSimulator(profile);
        link = new PluggableSimLink(sim);
    }

    /**
     * Fast reconnects. The command timeout is generous because no test using it as is lets a command time out: one
     * that fired could only be a slow box failing an init. Tests about timeouts set their own.
     */
    static SerialModemConfig.Builder fastConfig() {
        return SerialModemConfig.builder("sim")
                .commandTimeout(Duration.ofSeconds(10))
                .signalPollInterval(Duration.ofHours(1))
                .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(200));
    }

    SerialModem start(SerialModemConfig config) {
        return start(config, null);
    }

    /** Engine tests run without the SMS service, so its init commands do not mix into what they count. */
    SerialModem start(SerialModemConfig config, SmsModuleFactory sms) {
        return startWith(config, sms == null ? context -> new UnavailableSmsModule() : sms);
    }

    /** The modem as {@code SerialModem.builder(config)} makes it, default SMS service included. */
    SerialModem startWithDefaults(SerialModemConfig config) {
        return startWith(config, null);
    }

    private SerialModem startWith(SerialModemConfig config, SmsModuleFactory sms) {
        SerialModem.Builder builder = SerialModem.builder(config).connections(link);
        if (sms != null) {
            builder.sms(sms);
        }
        modem = builder.build();
        modem.events().subscribe(ModemEvent.class, events::add, dev.callstack.core.event.Delivery.inline());
        modem.start();
        return modem;
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

    static long liveThreads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix)).count();
    }

    /**
     * A test's tear-down: closes the modem, then the simulator (either may be null, when the test failed before it
     * opened them), and waits until no engine, link-reader or audio thread is left for the next test to trip over.
     */
    static void closeAndAwaitThreads(SerialModem modem, AtModemSimulator sim) {
        if (modem != null) {
            modem.close();
        }
        if (sim != null) {
            sim.close();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> liveEngineThreads() == 0
                && liveThreads("callstack-audio-") == 0);
    }

    static long liveEngineThreads() {
        return liveThreads(ModemEngine.THREAD_PREFIX) + liveThreads(ReaderThreadLink.THREAD_PREFIX);
    }

    @Override
    public void close() {
        if (modem != null) {
            modem.close();
        }
        sim.close();
    }
}
