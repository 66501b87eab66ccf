package dev.callstack.modem.internal;

import dev.callstack.core.ModemUnavailableException;
import dev.callstack.core.event.EventBus;
import dev.callstack.core.event.ModemConnected;
import dev.callstack.core.event.ModemDisconnected;
import dev.callstack.modem.internal.at.AtCommandExecutor;
import dev.callstack.modem.internal.link.Link;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connect, init, watch, reconnect. A connect attempt (open the link, run {@link ModemInitializer}) runs on the worker
 * thread; on success the modem is published as {@link ModemConnected}. Link loss (EOF, read/write error) or an
 * unresponsive modem publishes {@link ModemDisconnected}, fails pending commands with
 * {@link ModemUnavailableException} and schedules a reconnect with capped exponential backoff on the engine's
 * scheduler. A fatal init failure (rejected PIN, PUK) stops reconnecting: see {@link #haltReason()}.
 *
 * <p>Thread-safe; phase changes are guarded by {@code lock}.
 */
final class ModemLifecycle implements AtCommandExecutor.Listener, RestartSignal {
    enum Phase { NEW, CONNECTING, CONNECTED, WAITING, HALTED, CLOSED }

    private static final Logger log = LoggerFactory.getLogger(ModemLifecycle.class);
    static final String RESTARTED = "modem restarted";
    /**
     * After a restart's re-init, further restart signals are taken as the tail of the same boot burst for this long.
     * The burst's lines that mean "restarted" ({@code RDY}, {@code +CFUN: 1}) come within milliseconds of each other,
     * long before a re-init of a dozen round trips ends; this only guards a slow modem's stragglers.
     */
    private static final long RESTART_HOLD_OFF_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final LinkOpener links;
    private final AtCommandExecutor at;
    private final ModemInitializer initializer;
    private final NetworkMonitor network;
    private final CallControl calls;
    private final UssdService ussd;
    private final SmsModule sms;
    private final ModemStateHolder state;
    private final EventBus events;
    private final Clock clock;
    private final Backoff backoff;
    private final ScheduledExecutorService engine;
    private final ExecutorService worker;

    private final Object lock = new Object();
    private Phase phase = Phase.NEW;
    private long sessionId = -1;
    private int failures;
    private ScheduledFuture<?> retry;
    private String haltReason;
    // A restart's re-init is queued or running (debounce: a burst of boot lines is one restart).
    private boolean restarting;
    private long holdOffUntil = System.nanoTime();

    /**
     * What a connect attempt uses and where it runs: open the link, attach it to the executor, init the modem on
     * the worker thread, and back off on the engine's scheduler when that fails.
     */
    record Connector(LinkOpener links, AtCommandExecutor at, ModemInitializer initializer, Backoff backoff,
                     ScheduledExecutorService engine, ExecutorService worker) {
        Connector {
            Objects.requireNonNull(links, "links");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(initializer, "initializer");
            Objects.requireNonNull(backoff, "backoff");
            Objects.requireNonNull(engine, "engine");
            Objects.requireNonNull(worker, "worker");
        }
    }

    /** What hears of a connect or a disconnect: the services, the state holder, and the event bus with its clock. */
    record Dependents(NetworkMonitor network, CallControl calls, UssdService ussd, SmsModule sms,
                      ModemStateHolder state, EventBus events, Clock clock) {
        Dependents {
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(calls, "calls");
            Objects.requireNonNull(ussd, "ussd");
            Objects.requireNonNull(sms, "sms");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(events, "events");
            Objects.requireNonNull(clock, "clock");
        }
    }

    ModemLifecycle(Connector connector, Dependents dependents) {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(dependents, "dependents");
        this.links = connector.links();
        this.at = connector.at();
        this.initializer = connector.initializer();
        this.backoff = connector.backoff();
        this.engine = connector.engine();
        this.worker = connector.worker();
        this.network = dependents.network();
        this.calls = dependents.calls();
        this.ussd = dependents.ussd();
        this.sms = dependents.sms();
        this.state = dependents.state();
        this.events = dependents.events();
        this.clock = dependents.clock();
    }

    void start() {
        synchronized (lock) {
            if (phase != Phase.NEW) {
                throw new IllegalStateException("already started");
            }
            phase = Phase.CONNECTING;
        }
        submit(this::connect);
    }

    boolean isConnected() {
        synchronized (lock) {
            return phase == Phase.CONNECTED;
        }
    }

    Phase phase() {
        synchronized (lock) {
            return phase;
        }
    }

    Optional<String> haltReason() {
        synchronized (lock) {
            return Optional.ofNullable(haltReason);
        }
    }

    private void connect() {
        Link link;
        try {
            link = links.open();
        } catch (Exception e) {
            failed("cannot open link: " + e.getClass().getSimpleName(), false);
            return;
        }
        long id;
        synchronized (lock) {
            if (phase != Phase.CONNECTING) {
                link.close();
                return;
            }
            try {
                id = at.attach(link);
            } catch (ModemUnavailableException e) {
                return;
            }
            sessionId = id;
        }
        initialise(id);
    }

    /** Runs the init on an attached link and publishes the outcome; the phase is CONNECTING. */
    private void initialise(long id) {
        ModemInitializer.Result result;
        try {
            result = initializer.run();
        } catch (InitException e) {
            state.sim(initializer.simStatus());
            at.detach(id, new ModemUnavailableException("modem init failed"));
            failed(e.getMessage(), e.fatal());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            at.detach(id, new ModemUnavailableException("modem closed"));
            return;
        } catch (RuntimeException e) {
            // A bug must not leave the lifecycle stuck in CONNECTING: treat it like any failed attempt.
            log.warn("Modem init failed unexpectedly: {}", e.getClass().getName());
            at.detach(id, new ModemUnavailableException("modem init failed"));
            failed("init failed: " + e.getClass().getSimpleName(), false);
            return;
        }
        synchronized (lock) {
            if (phase != Phase.CONNECTING || sessionId != id) {
                return;
            }
            phase = Phase.CONNECTED;
            failures = 0;
            state.connected(result.manufacturer(), result.model(), result.revision(), result.registration(),
                    result.operator());
            state.profile(result.profile().name());
            state.identity(result.identity());
            state.sim(initializer.simStatus());
            if (restarting) {
                restarting = false;
                holdOffUntil = System.nanoTime() + RESTART_HOLD_OFF_NANOS;
            }
            events.publish(new ModemConnected(clock.instant()));
        }
        log.info("Modem connected: {} {} ({})", result.manufacturer(), result.model(), result.registration());
        network.start();
        try {
            sms.onConnected();
        } catch (RuntimeException e) {
            log.warn("SMS connect hook failed: {}", e.getClass().getName());
        }
    }

    private void failed(String reason, boolean fatal) {
        synchronized (lock) {
            restarting = false;
            if (phase != Phase.CONNECTING) {
                return;
            }
            if (fatal) {
                phase = Phase.HALTED;
                haltReason = reason;
                log.error("Modem init failed: {}; not reconnecting until restarted", reason);
                return;
            }
            scheduleRetry(reason);
        }
    }

    /** Called with the lock held. */
    private void scheduleRetry(String reason) {
        phase = Phase.WAITING;
        Duration delay = backoff.delay(failures++);
        log.warn("Modem unavailable ({}); reconnecting in {} ms", reason, delay.toMillis());
        try {
            retry = engine.schedule(() -> submit(this::reconnect), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            phase = Phase.CLOSED;
        }
    }

    private void reconnect() {
        synchronized (lock) {
            if (phase != Phase.WAITING) {
                return;
            }
            phase = Phase.CONNECTING;
        }
        connect();
    }

    @Override
    public void onLinkLost(long id, String reason) {
        lost(id, reason, true);
    }

    @Override
    public void onUnresponsive(long id, int consecutiveTimeouts) {
        lost(id, "modem unresponsive (" + consecutiveTimeouts + " timeouts in a row)", false);
    }

    @Override
    public void onEcho(long id) {
        synchronized (lock) {
            if (id != sessionId) {
                return;
            }
        }
        onRestartSignal("command echo is back");
    }

    /**
     * A sign that the modem restarted under the live link. While CONNECTED (and not already re-initialising) the
     * modem is reported disconnected ({@value #RESTARTED}) and the whole init runs again on the worker, on the same
     * link; {@code ModemConnected} follows it. Signals during the re-init, or shortly after it, are the same burst.
     */
    @Override
    public void onRestartSignal(String why) {
        long id;
        synchronized (lock) {
            if (phase != Phase.CONNECTED || restarting) {
                return;
            }
            if (System.nanoTime() - holdOffUntil < 0) {
                log.debug("Restart signal ({}) within the hold-off of the last restart; ignored", why);
                return;
            }
            restarting = true;
            id = sessionId;
        }
        log.warn("Modem restarted under a live link ({}); initialising it again", why);
        submit(() -> reinitialise(id));
    }

    private void reinitialise(long id) {
        synchronized (lock) {
            if (phase != Phase.CONNECTED || sessionId != id) {
                restarting = false;
                return;
            }
            phase = Phase.CONNECTING;
            state.restarted();
            // The link stays: only what a disconnect tells the services, so sends fail fast or wait on the SMS gate.
            network.stop();
            ussd.onDisconnected();
            calls.onDisconnected();
            state.disconnected(RESTARTED);
            events.publish(new ModemDisconnected(clock.instant(), RESTARTED));
            try {
                sms.onDisconnected(RESTARTED);
            } catch (RuntimeException e) {
                log.warn("SMS disconnect hook failed: {}", e.getClass().getName());
            }
        }
        initialise(id);
    }

    private void lost(long id, String reason, boolean linkGone) {
        synchronized (lock) {
            if (id != sessionId) {
                return;
            }
            if (phase == Phase.CONNECTING) {
                if (linkGone) {
                    // Init is waiting on a command: failing it lets the connect attempt schedule the retry.
                    at.detach(id, new ModemUnavailableException("modem link lost"));
                }
                return;
            }
            if (phase != Phase.CONNECTED) {
                return;
            }
            failures = 0;
            scheduleRetry(reason);
            disconnected(id, reason);
        }
    }

    /** Called with the lock held. */
    private void disconnected(long id, String reason) {
        at.detach(id, new ModemUnavailableException("modem disconnected"));
        network.stop();
        ussd.onDisconnected();
        calls.onDisconnected();
        state.disconnected(reason);
        events.publish(new ModemDisconnected(clock.instant(), reason));
        try {
            sms.onDisconnected(reason);
        } catch (RuntimeException e) {
            log.warn("SMS disconnect hook failed: {}", e.getClass().getName());
        }
    }

    void close() {
        synchronized (lock) {
            Phase was = phase;
            phase = Phase.CLOSED;
            if (retry != null) {
                retry.cancel(false);
            }
            if (was == Phase.CONNECTED) {
                disconnected(sessionId, "closed");
            }
            at.detachAll(new ModemUnavailableException("modem closed"));
        }
    }

    private void submit(Runnable task) {
        try {
            worker.execute(task);
        } catch (RejectedExecutionException e) {
            // Closed meanwhile.
        }
    }
}
