package dev.callstack.modem.internal;

import dev.callstack.core.Registration;
import dev.callstack.core.event.EventBus;
import dev.callstack.core.event.SignalQuality;
import dev.callstack.modem.internal.at.AtChannel;
import dev.callstack.modem.internal.at.AtCommand;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signal polling ({@code AT+CSQ} every interval → {@link SignalQuality}) and registration state from
 * {@code +CREG}/{@code +CGREG}/{@code +CEREG}. Registered on any domain counts as registered (an LTE-only modem
 * reports {@code +CREG: 0} next to {@code +CEREG: 1}).
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
    private final Map<String, Registration> byDomain = new ConcurrentHashMap<>();
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

    /** Polls now and then every interval, until {@link #stop}. */
    synchronized void start() {
        stop();
        try {
            poller = engine.scheduleWithFixedDelay(this::poll, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // close() shut the engine down while the connect that calls this was finishing: nothing left to poll.
            log.debug("Signal polling not started: the modem is closing");
        }
    }

    synchronized void stop() {
        if (poller != null) {
            poller.cancel(false);
            poller = null;
        }
        byDomain.clear();
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

    /** A registration stat from a URC or a query answer. */
    void onRegistration(String domain, int stat) {
        if (stat < 0) {
            return;
        }
        Registration r = Registration.fromStat(stat);
        byDomain.put(domain, r);
        Registration effective = effective();
        if (effective != state.get().registration()) {
            log.info("Network registration: {}", effective);
        }
        state.registration(effective);
    }

    Registration effective() {
        Registration best = Registration.UNKNOWN;
        for (Registration r : List.of(Registration.HOME, Registration.ROAMING)) {
            if (byDomain.containsValue(r)) {
                return r;
            }
        }
        Registration cs = byDomain.get("CREG");
        if (cs != null) {
            return cs;
        }
        for (Registration r : byDomain.values()) {
            best = r;
        }
        return best;
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
