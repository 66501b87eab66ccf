package dev.callstack.modem.internal;

import dev.callstack.core.CallApi;
import dev.callstack.core.ModemState;
import dev.callstack.core.ModemStatus;
import dev.callstack.core.Outbox;
import dev.callstack.core.Redaction;
import dev.callstack.core.SmsApi;
import dev.callstack.core.UssdApi;
import dev.callstack.core.event.CallState;
import dev.callstack.core.event.CallStateChanged;
import dev.callstack.core.event.Delivery;
import dev.callstack.core.event.EventBus;
import dev.callstack.core.event.ModemConnected;
import dev.callstack.core.event.ModemEvent;
import dev.callstack.core.event.Subscription;
import dev.callstack.core.voice.VoiceApi;
import dev.callstack.modem.internal.at.AtChannel;
import dev.callstack.modem.internal.at.AtCommandExecutor;
import dev.callstack.modem.internal.audio.CallAudio;
import dev.callstack.modem.internal.audio.DtmfMerger;
import dev.callstack.modem.internal.voice.PacerClock;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires one modem's engine: the engine thread (executor state, framing, URCs, timers), the lifecycle worker thread
 * (connect and init, blocking), the executor, URC routing, and the services. {@code SerialModem} is its public face.
 *
 * <p>Thread-safe.
 */
public final class ModemEngine {
    /** Settings the engine needs (the public config minus the port). */
    public record Settings(String simPin, Duration commandTimeout, Duration signalPollInterval,
                           Duration reconnectInitialDelay, Duration reconnectMaxDelay, Clock clock) {
        public Settings {
            Objects.requireNonNull(commandTimeout, "commandTimeout");
            Objects.requireNonNull(signalPollInterval, "signalPollInterval");
            Objects.requireNonNull(reconnectInitialDelay, "reconnectInitialDelay");
            Objects.requireNonNull(reconnectMaxDelay, "reconnectMaxDelay");
            Objects.requireNonNull(clock, "clock");
        }

        @Override
        public String toString() {
            return "Settings[simPin=" + (simPin == null ? "none" : Redaction.REDACTED) + ", commandTimeout="
                    + commandTimeout + "]";
        }
    }

    /** Every engine thread's name starts with this. */
    public static final String THREAD_PREFIX = "callstack-at-";
    private static final Logger log = LoggerFactory.getLogger(ModemEngine.class);
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final int MAX_QUEUED_COMMANDS = 64;
    /** How often AT+CLCC is polled while a call exists (only on modems whose profile needs it). */
    private static final Duration CALL_POLL_INTERVAL = Duration.ofSeconds(1);
    private static final int MAX_CONSECUTIVE_TIMEOUTS = 3;

    private final EventBus events = new EventBus();
    private final ModemStateHolder state = new ModemStateHolder();
    private final ScheduledThreadPoolExecutor engine;
    private final ExecutorService worker;
    private final AtCommandExecutor executor;
    private final ModemLifecycle lifecycle;
    private final CallControl calls;
    private final UssdService ussd;
    private final SmsModule sms;
    private final VoiceApi voice;
    private final CallAudio audio;

    public ModemEngine(Settings settings, LinkOpener links, SmsModuleFactory smsFactory) {
        this(settings, links, smsFactory, null);
    }

    /** An engine whose calls carry audio over the port {@code audioLinks} opens (null: no audio port). */
    public ModemEngine(Settings settings, LinkOpener links, SmsModuleFactory smsFactory, LinkOpener audioLinks) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(smsFactory, "smsFactory");
        int id = IDS.incrementAndGet();
        engine = new ScheduledThreadPoolExecutor(1, daemon(THREAD_PREFIX + "engine-" + id));
        engine.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        engine.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        engine.setRemoveOnCancelPolicy(true);
        worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                daemon(THREAD_PREFIX + "worker-" + id));
        Executor callbacks = ForkJoinPool.commonPool();
        Clock clock = settings.clock();

        // The channel reads the executor field lazily: services and the URC router come first, the executor last.
        AtChannel channel = command -> executor().execute(command);
        BooleanSupplier ready = this::isConnected;
        NetworkMonitor network = new NetworkMonitor(channel, engine, state, events, clock,
                settings.signalPollInterval());
        ActiveProfile profile = new ActiveProfile();
        // Digits from URCs and from in-band detection meet here; the merger publishes each press once.
        AtomicReference<CallAudio> audioRef = new AtomicReference<>();
        DtmfMerger dtmf = new DtmfMerger(events, clock, PacerClock.SYSTEM::nanoTime, digit -> {
            CallAudio a = audioRef.get();
            if (a != null) {
                a.onDigit(digit);
            }
        });
        calls = new CallControl(channel, events, clock, ready, callbacks, engine, profile, CALL_POLL_INTERVAL, dtmf);
        if (audioLinks == null) {
            audio = null;
            voice = VoiceApi.absent();
        } else {
            audio = new CallAudio(audioLinks, channel, () -> profile.get().pcm(), ready, calls, PacerClock.SYSTEM);
            audio.merger(dtmf);
            audioRef.set(audio);
            voice = audio;
            // Inline: the hooks never block, and each sees the call's changes in order.
            events.subscribe(CallStateChanged.class, change -> {
                if (change.state() == CallState.ACTIVE) {
                    dtmf.reset();
                    audio.onCallActive();
                } else if (change.state() == CallState.ENDED || change.state() == CallState.IDLE) {
                    audio.onCallEnded();
                }
            }, Delivery.inline());
            events.subscribe(ModemConnected.class, connected -> audio.onConnected(), Delivery.inline());
        }
        ussd = new UssdService(channel, engine, events, clock, ready, callbacks, profile);
        LifecycleRelay relay = new LifecycleRelay(state);
        sms = Objects.requireNonNull(smsFactory.create(new ModemContext(channel, events, clock, engine, callbacks,
                ready, state, () -> relay.onRestartSignal("setting found lost"))), "sms module");
        UrcRouter router = new UrcRouter(calls, ussd, network, sms, state, relay);
        Backoff backoff = new Backoff(settings.reconnectInitialDelay(), settings.reconnectMaxDelay());
        executor = new AtCommandExecutor(engine, router, relay, settings.commandTimeout(), MAX_QUEUED_COMMANDS,
                MAX_CONSECUTIVE_TIMEOUTS);
        ModemInitializer initializer = new ModemInitializer(channel, network, settings.simPin(),
                settings.commandTimeout(), profile);
        lifecycle = new ModemLifecycle(
                new ModemLifecycle.Connector(links, executor, initializer, backoff, engine, worker),
                new ModemLifecycle.Dependents(network, calls, ussd, sms, state, events, clock));
        relay.target = lifecycle;
    }

    public void start() {
        lifecycle.start();
    }

    public EventBus events() {
        return events;
    }

    public ModemState state() {
        return state.get();
    }

    public ModemStatus status() {
        return state.status(lifecycle.haltReason().orElse(null));
    }

    public SmsApi sms() {
        return sms.api();
    }

    public Outbox outbox() {
        return sms.outbox();
    }

    public UssdApi ussd() {
        return ussd;
    }

    public CallApi calls() {
        return calls;
    }

    /** Call audio: {@link VoiceApi#absent()} without an audio port. */
    public VoiceApi voice() {
        return voice;
    }

    /** Why reconnecting stopped (a rejected SIM PIN, SIM PUK), or empty while the modem is live or retrying. */
    public Optional<String> haltReason() {
        return lifecycle.haltReason();
    }

    public boolean isConnected() {
        return lifecycle.isConnected();
    }

    /** Waits for the modem to be connected; false after the timeout or once reconnecting has stopped. */
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        Object monitor = new Object();
        long deadline = System.nanoTime() + timeout.toNanos();
        Subscription subscription = events.subscribe(ModemEvent.class, event -> {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }, Delivery.inline());
        try {
            while (true) {
                // The lifecycle publishes while holding its lock: never ask it anything while holding the monitor.
                if (isConnected()) {
                    return true;
                }
                ModemLifecycle.Phase phase = lifecycle.phase();
                long left = deadline - System.nanoTime();
                if (phase == ModemLifecycle.Phase.HALTED || phase == ModemLifecycle.Phase.CLOSED || left <= 0) {
                    return false;
                }
                // A wake-up missed between the check and the wait costs at most this bounded wait.
                synchronized (monitor) {
                    TimeUnit.NANOSECONDS.timedWait(monitor, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
                }
            }
        } finally {
            subscription.close();
        }
    }

    public void close() {
        lifecycle.close();
        if (audio != null) {
            audio.close();
        }
        try {
            sms.close();
        } catch (RuntimeException e) {
            log.warn("SMS module close failed: {}", e.getClass().getName());
        }
        engine.shutdown();
        worker.shutdownNow();
        try {
            if (!engine.awaitTermination(2, TimeUnit.SECONDS)) {
                engine.shutdownNow();
            }
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        events.close();
        log.debug("Modem engine closed");
    }

    private AtCommandExecutor executor() {
        return executor;
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Breaks the executor ↔ lifecycle construction cycle (the target is set once before any link is attached), relays
     * restart signals, and counts input floods for the status: once per link, although a flood may also fail a write
     * on the same link.
     *
     * <p>Thread-safe: the executor calls it on the engine thread, restart signals may come from others.
     */
    private static final class LifecycleRelay implements AtCommandExecutor.Listener, RestartSignal {
        private final ModemStateHolder state;
        private volatile ModemLifecycle target;
        private long lastFloodedSession = -1;

        LifecycleRelay(ModemStateHolder state) {
            this.state = state;
        }

        @Override
        public void onLinkLost(long sessionId, String reason) {
            if (AtCommandExecutor.FLOODING.equals(reason) && sessionId != lastFloodedSession) {
                lastFloodedSession = sessionId;
                state.floodDisconnected();
            }
            target.onLinkLost(sessionId, reason);
        }

        @Override
        public void onUnresponsive(long sessionId, int consecutiveTimeouts) {
            target.onUnresponsive(sessionId, consecutiveTimeouts);
        }

        @Override
        public void onEcho(long sessionId) {
            target.onEcho(sessionId);
        }

        @Override
        public void onRestartSignal(String why) {
            target.onRestartSignal(why);
        }
    }
}
