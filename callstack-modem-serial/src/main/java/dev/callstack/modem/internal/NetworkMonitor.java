package dev.callstack.modem.internal;

import dev.callstack.core.AccessTechnology;
import dev.callstack.core.event.EventBus;
import dev.callstack.core.event.NetworkRegistrationChanged;
import dev.callstack.core.event.SignalQuality;
import dev.callstack.modem.internal.at.AtChannel;
import dev.callstack.modem.internal.at.AtCommand;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signal polling ({@code AT+CSQ} every interval → {@link SignalQuality}) and registration state from
 * {@code +CREG}/{@code +CGREG}/{@code +CEREG}/{@code +C5GREG}: the {@link EffectiveRegistration} over every domain
 * goes to the state holder, and each change of it while connected is published once as
 * {@link NetworkRegistrationChanged}.
 *
 * <p>Thread-safe.
 */
final class NetworkMonitor {
    private static final Logger log = LoggerFactory.getLogger(NetworkMonitor.class);

    private final AtChannel at;
    private final ScheduledExecutorService engine;
    private final ModemStateHolder state;
    private final EventBus events;
    private final Clock clock;
    private final Duration interval;
    private final Map<String, EffectiveRegistration.Report> byDomain = new HashMap<>();
    private AccessTechnology operatorTechnology = AccessTechnology.UNKNOWN;
    private EffectiveRegistration current = EffectiveRegistration.UNKNOWN;
    /** The pair last published; reset on disconnect, so the first one of a connection is published. */
    private EffectiveRegistration published = EffectiveRegistration.UNKNOWN;
    /** Between {@link #start} and {@link #stop}: a URC read before start must not publish ahead of start's pair. */
    private boolean started;
    private ScheduledFuture<?> poller;

    NetworkMonitor(AtChannel at, ScheduledExecutorService engine, ModemStateHolder state, EventBus events,
                   Clock clock, Duration interval) {
        this.at = Objects.requireNonNull(at, "at");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.state = Objects.requireNonNull(state, "state");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    /**
     * Polls now and then every interval, until {@link #stop}; publishes the registration init found (the modem is
     * connected now). The domains' reports are kept: init just read them.
     */
    synchronized void start() {
        cancelPoller();
        started = true;
        state.registration(current.registration());
        state.technology(current.technology());
        publishIfChanged();
        try {
            poller = engine.scheduleWithFixedDelay(this::poll, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // close() shut the engine down while the connect that calls this was finishing: nothing left to poll.
            log.debug("Signal polling not started: the modem is closing");
        }
    }

    /** Stops polling and forgets the registration: the link is gone. */
    synchronized void stop() {
        cancelPoller();
        started = false;
        forgetRegistrations();
        current = EffectiveRegistration.UNKNOWN;
        published = EffectiveRegistration.UNKNOWN;
    }

    private void cancelPoller() {
        if (poller != null) {
            poller.cancel(false);
            poller = null;
        }
    }

    /**
     * Init is about to read every domain again: earlier reports no longer count. The state and the last published
     * pair stay until the new reports arrive, so a re-init does not flap the registration.
     */
    synchronized void forgetRegistrations() {
        byDomain.clear();
        operatorTechnology = AccessTechnology.UNKNOWN;
    }

    void poll() {
        var unused = at.execute(AtCommand.query("AT+CSQ", "+CSQ:")).whenComplete((response, error) -> {
            if (error != null) {
                log.debug("Signal poll failed: {}", AsyncResults.unwrap(error).getClass().getSimpleName());
                return;
            }
            response.first("+CSQ:").map(line -> parseCsq(line, clock)).ifPresent(this::onSignal);
        });
    }

    void onSignal(int rssi, int ber) {
        onSignal(new SignalQuality(clock.instant(), rssi, ber));
    }

    void onSignal(SignalQuality signal) {
        if (signal != null) {
            state.signal(signal);
            events.publish(signal);
        }
    }

    /** A registration report from a URC or a query answer; {@code act} -1 when the line had none. */
    synchronized void onRegistration(String domain, int stat, int act) {
        if (stat < 0) {
            return;
        }
        byDomain.put(domain, new EffectiveRegistration.Report(stat, act));
        update();
    }

    /** The {@code <AcT>} of {@code AT+COPS?} (-1: none), the technology when no registration line has one. */
    synchronized void onOperatorAct(int act) {
        operatorTechnology = AccessTechnology.fromAct(act);
        update();
    }

    /** The effective registration and technology now. */
    synchronized EffectiveRegistration registration() {
        return current;
    }

    private void update() {
        EffectiveRegistration now = EffectiveRegistration.of(byDomain, operatorTechnology);
        if (!now.equals(current)) {
            log.info("Network registration: {} ({})", now.registration(), now.technology());
        }
        current = now;
        state.registration(now.registration());
        state.technology(now.technology());
        publishIfChanged();
    }

    /** Only while connected: during init the pair is still being assembled, {@link #start} publishes it. */
    private void publishIfChanged() {
        if (started && state.get().connected() && !current.equals(published)) {
            published = current;
            events.publish(new NetworkRegistrationChanged(clock.instant(), current.registration(),
                    current.technology()));
        }
    }

    /** {@code +CSQ: <rssi>,<ber>} with any spacing; null when the values are out of range. */
    static SignalQuality parseCsq(String line, Clock clock) {
        int colon = line.indexOf(':');
        String[] parts = line.substring(colon + 1).split(",", -1);
        if (parts.length < 1) {
            return null;
        }
        try {
            int rssi = Integer.parseInt(parts[0].strip());
            int ber = parts.length > 1 ? Integer.parseInt(parts[1].strip()) : SignalQuality.UNKNOWN;
            if ((rssi < 0 || rssi > 31) && rssi != SignalQuality.UNKNOWN) {
                return null;
            }
            if ((ber < 0 || ber > 7) && ber != SignalQuality.UNKNOWN) {
                ber = SignalQuality.UNKNOWN;
            }
            return new SignalQuality(clock.instant(), rssi, ber);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The operator name from {@code +COPS: 0,0,"Name"[,act]}, or null. */
    static String parseOperator(String line) {
        int open = line.indexOf('"');
        if (open < 0) {
            return null;
        }
        int close = line.indexOf('"', open + 1);
        String name = close < 0 ? line.substring(open + 1) : line.substring(open + 1, close);
        return name.isBlank() ? null : name.strip();
    }
}
