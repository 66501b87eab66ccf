package dev.callstack.server.internal;

import dev.callstack.core.Modem;
import dev.callstack.core.event.CallRing;
import dev.callstack.core.event.CallState;
import dev.callstack.core.event.CallStateChanged;
import dev.callstack.core.event.CallerId;
import dev.callstack.core.event.ModemEvent;
import dev.callstack.core.event.Subscription;
import dev.callstack.core.voice.CallSession;
import dev.callstack.core.voice.VoiceStatus;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers incoming calls for the voice plan and runs it. It counts {@code RING}s; once {@code answer.after_rings}
 * have passed and the caller matches {@code answer.from}, it answers. The caller's number ({@code +CLIP}) usually
 * comes with or just after the first ring, so with a non-empty {@code from} a call whose number is still unknown is
 * judged withheld one ring later. When the call is active the plan runs on the single {@code callstack-voice}
 * thread: one call at a time, and a call that arrives while one runs is left ringing; so is a call waiting while any
 * call is active (rings and caller ids during {@code ACTIVE} are not counted). Nothing is answered while the
 * audio port is not open. A plan that throws is logged (class only) and the thread lives on.
 *
 * <p>Thread-safe: event handling is confined to one bus dispatcher thread; the flag shared with the voice thread is
 * atomic.
 */
final class VoiceAnswerer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(VoiceAnswerer.class);
    /** How long to wait for the modem's audio session once the call is active. */
    private static final Duration SESSION_WAIT = Duration.ofSeconds(3);
    private static final long SESSION_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final Modem modem;
    private final VoicePlan plan;
    private final VoicePlanCall call;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final ExecutorService voiceThread = Executors.newSingleThreadExecutor(DaemonThreads.named("callstack-voice"));
    private Subscription subscription;
    // Confined to the bus dispatcher thread of the one subscription.
    private int rings;
    private String caller;
    private boolean callerKnown;
    private boolean answered;
    private boolean refused;
    private boolean waitingLogged;
    /**
     * Whether a call was active as of the events seen so far. Not the live {@code modem.calls().state()}: our own
     * call's {@code +CLIP} can be delivered after {@code ATA} already made it active, and must still count.
     */
    private boolean callActive;

    VoiceAnswerer(Modem modem, VoicePlan plan, VoicePlanCall call) {
        this.modem = Objects.requireNonNull(modem, "modem");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.call = Objects.requireNonNull(call, "call");
    }

    /** Subscribes to the modem's events. */
    VoiceAnswerer start() {
        subscription = modem.events().subscribe(ModemEvent.class, this::on);
        return this;
    }

    private void on(ModemEvent event) {
        if ((event instanceof CallRing || event instanceof CallerId) && callActive) {
            // A second call while one is up (call waiting): answering it would put ours on hold or drop it.
            if (!waitingLogged) {
                waitingLogged = true;
                log.info("Voice: a call is waiting during an active call; not answered");
            }
            return;
        }
        if (event instanceof CallRing) {
            rings++;
            consider();
        } else if (event instanceof CallerId id) {
            caller = id.number();
            callerKnown = true;
            consider();
        } else if (event instanceof CallStateChanged change) {
            callActive = change.state() == CallState.ACTIVE;
            if (change.state() == CallState.IDLE || change.state() == CallState.ENDED) {
                reset();
            } else if (change.state() == CallState.ACTIVE && answered) {
                answered = false; // hand over once
                String who = caller;
                try {
                    voiceThread.execute(() -> runCall(who));
                } catch (RejectedExecutionException closing) {
                    busy.set(false);
                }
            }
        }
    }

    private void consider() {
        if (answered || refused || rings < plan.answer().afterRings()) {
            return;
        }
        if (!plan.answer().from().isEmpty() && !callerKnown && rings == plan.answer().afterRings()) {
            return; // give +CLIP one more ring to arrive
        }
        if (!plan.answer().accepts(callerKnown ? caller : null)) {
            refused = true;
            log.info("Voice: incoming call not answered (caller not in answer.from)");
            return;
        }
        if (modem.voice().status() != VoiceStatus.OPEN) {
            refused = true;
            log.info("Voice: incoming call not answered (audio port {})", modem.voice().status());
            return;
        }
        if (!busy.compareAndSet(false, true)) {
            refused = true;
            log.info("Voice: incoming call not answered (another call is in the voice plan)");
            return;
        }
        answered = true;
        log.info("Voice: answering an incoming call after {} ring(s)", rings);
        CompletableFuture<Void> unused = modem.calls().answer().whenComplete((ok, failure) -> {
            if (failure != null) {
                log.warn("Voice: answering failed ({})", ModemErrors.unwrap(failure).getClass().getSimpleName());
                busy.set(false);
            }
        });
    }

    private void reset() {
        if (answered) {
            busy.set(false); // answered but never active
        }
        rings = 0;
        caller = null;
        callerKnown = false;
        answered = false;
        refused = false;
        waitingLogged = false;
    }

    private void runCall(String who) {
        boolean hangUp = false;
        try {
            Optional<CallSession> session = awaitSession();
            if (session.isEmpty()) {
                log.warn("Voice: no audio session for the answered call; hanging up");
                hangUp = true;
            } else {
                call.run(session.get(), who);
            }
        } catch (RuntimeException failure) {
            log.error("Voice: the plan failed ({}); the call is dropped", failure.getClass().getName());
            hangUp = true;
        } finally {
            busy.set(false); // before the hang-up: the next call may ring as soon as this one is gone
        }
        if (hangUp) {
            hangUp();
        }
    }

    private void hangUp() {
        CompletableFuture<Void> unused = modem.calls().hangUp().exceptionally(failure -> null);
    }

    /**
     * The session of the call just answered. {@link dev.callstack.core.voice.VoiceApi} has no notification for it
     * and the modem may open it on its own event thread after ours saw {@code ACTIVE}, so this polls briefly.
     */
    private Optional<CallSession> awaitSession() {
        long deadline = System.nanoTime() + SESSION_WAIT.toNanos();
        Optional<CallSession> session = modem.voice().session();
        while (session.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(SESSION_POLL_NANOS);
            session = modem.voice().session();
        }
        return session;
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
        voiceThread.shutdownNow(); // interrupts a waiting session; the call ends with the modem
    }
}
