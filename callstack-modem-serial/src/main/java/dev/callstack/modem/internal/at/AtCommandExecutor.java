package dev.callstack.modem.internal.at;

import dev.callstack.core.CallstackException;
import dev.callstack.core.ModemRejectedException;
import dev.callstack.core.ModemTimeoutException;
import dev.callstack.core.ModemUnavailableException;
import dev.callstack.modem.internal.link.Link;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs AT commands one at a time over the current {@link Link}: the rest wait in a bounded queue (overflow fails the
 * new command with {@link ModemUnavailableException}). Each command has a timeout ({@link ModemTimeoutException});
 * after {@code maxConsecutiveTimeouts} in a row the listener hears that the modem is unresponsive. After a timeout
 * {@link Resync} probes run before the next command, so a late answer is discarded instead of completing the next
 * one. A line in the middle of an answer is the answer's only when the {@link AtCommand} says so (prefix, count,
 * PDU, free text); everything else goes to the {@link UnsolicitedHandler} ({@link ResponseMatcher} decides). Input read but not yet framed is bounded ({@link InputBudget}): a modem that sends more than the engine
 * frames loses its link ({@value #FLOODING}), like any link error. Each attached link is a {@link LinkSession}; what
 * goes out on it is written (and traced) by a {@link CommandWriter}.
 *
 * <p>Threading: public methods may be called from any thread; all state is confined to the engine thread (a
 * single-threaded scheduler shared with the rest of the modem), which also frames the bytes. Futures complete on the
 * engine thread: dependent stages must not block (public API futures are re-completed on another executor).
 */
public final class AtCommandExecutor implements AtChannel {
    /** Hears about the link and the modem's health; called on the engine thread. */
    public interface Listener {
        void onLinkLost(long sessionId, String reason);

        void onUnresponsive(long sessionId, int consecutiveTimeouts);

        /** A command came back echoed: after {@code ATE0}, a sign that the modem restarted. */
        default void onEcho(long sessionId) {
        }
    }

    private static final Logger log = LoggerFactory.getLogger(AtCommandExecutor.class);
    /** The link-lost reason of a modem that sent more than the engine could frame (the disconnect reason too). */
    public static final String FLOODING = "input flood";

    private final ScheduledExecutorService engine;
    private final UnsolicitedHandler unsolicited;
    private final Listener listener;
    private final Duration defaultTimeout;
    private final int maxConsecutiveTimeouts;
    private final InputBudget inputBudget;
    private final CommandWriter writer;
    private final CommandQueue queue; // confined to the engine thread
    private final LinkSession.Owner sessionOwner = new SessionOwner();
    private final AtomicLong sessionIds = new AtomicLong();
    private final Resync resync = new Resync();
    /**
     * Every attached, not yet ended link by session id. Detaching closes the link from the calling thread before
     * the engine hears of it: a write blocked on a stalled peer holds the engine thread, and only closing the
     * handle under it makes that write fail.
     */
    private final Map<Long, Link> attached = new ConcurrentHashMap<>();

    // Confined to the engine thread.
    private LinkSession session;
    private PendingCommand inFlight;
    private int consecutiveTimeouts;

    public AtCommandExecutor(ScheduledExecutorService engine, UnsolicitedHandler unsolicited, Listener listener,
                             Duration defaultTimeout, int maxQueued, int maxConsecutiveTimeouts) {
        this(engine, unsolicited, listener, defaultTimeout, maxQueued, maxConsecutiveTimeouts,
                InputBudget.DEFAULT_MAX_BYTES);
    }

    AtCommandExecutor(ScheduledExecutorService engine, UnsolicitedHandler unsolicited, Listener listener,
                      Duration defaultTimeout, int maxQueued, int maxConsecutiveTimeouts, long maxPendingInputBytes) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.unsolicited = Objects.requireNonNull(unsolicited, "unsolicited");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.defaultTimeout = Objects.requireNonNull(defaultTimeout, "defaultTimeout");
        if (maxQueued < 1 || maxConsecutiveTimeouts < 1) {
            throw new IllegalArgumentException("maxQueued and maxConsecutiveTimeouts must be positive");
        }
        this.queue = new CommandQueue(maxQueued);
        this.maxConsecutiveTimeouts = maxConsecutiveTimeouts;
        this.inputBudget = new InputBudget(maxPendingInputBytes);
        this.writer = new CommandWriter(this.listener);
    }

    /** Bytes read from the modem and not yet framed on the engine thread (a gauge). */
    public long pendingInputBytes() {
        return inputBudget.pending();
    }

    /** The highest {@link #pendingInputBytes()} seen; never above the budget. */
    public long peakPendingInputBytes() {
        return inputBudget.peak();
    }

    /** How many links were dropped because the modem sent more than the engine could frame. */
    public long floodDisconnects() {
        return inputBudget.floods();
    }

    /** Makes {@code link} the current link and starts its reader; returns the session id that names it. */
    public long attach(Link link) {
        Objects.requireNonNull(link, "link");
        LinkSession next = new LinkSession(sessionIds.incrementAndGet(), link, inputBudget, sessionOwner);
        attached.put(next.id, link);
        try {
            engine.execute(() -> {
                if (session != null) {
                    endSession(new ModemUnavailableException("modem link replaced"));
                }
                session = next;
                consecutiveTimeouts = 0;
                resync.reset();
                unsolicited.reset();
            });
        } catch (RejectedExecutionException e) {
            attached.remove(next.id);
            link.close();
            throw new ModemUnavailableException("modem closed");
        }
        link.start(next);
        return next.id;
    }

    /** Closes the session's link (if still current) and fails every pending command with {@code cause}. */
    public void detach(long sessionId, CallstackException cause) {
        Objects.requireNonNull(cause, "cause");
        closeAttached(sessionId);
        runOnEngine(() -> {
            if (session != null && session.id == sessionId) {
                endSession(cause);
            }
        });
    }

    /** Closes whatever link is current and fails everything pending; used on close. */
    public void detachAll(CallstackException cause) {
        Objects.requireNonNull(cause, "cause");
        attached.keySet().forEach(this::closeAttached);
        runOnEngine(() -> {
            if (session != null) {
                endSession(cause);
            }
            queue.failAll(cause);
        });
    }

    /** Queues {@code command}; the future completes on the engine thread. */
    @Override
    public CompletableFuture<AtResponse> execute(AtCommand command) {
        Objects.requireNonNull(command, "command");
        CompletableFuture<AtResponse> future = new CompletableFuture<>();
        PendingCommand pending = new PendingCommand(command, future);
        try {
            engine.execute(() -> enqueue(pending));
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(new ModemUnavailableException("modem closed"));
        }
        return future;
    }

    private void closeAttached(long sessionId) {
        Link link = attached.remove(sessionId);
        if (link != null) {
            link.close();
        }
    }

    private void runOnEngine(Runnable task) {
        try {
            engine.execute(task);
        } catch (RejectedExecutionException e) {
            // The engine is gone: so is every session and pending command.
        }
    }

    private void enqueue(PendingCommand pending) {
        if (session == null) {
            pending.future.completeExceptionally(new ModemUnavailableException("modem not connected"));
            return;
        }
        if (!queue.offer(pending)) {
            log.warn("AT command queue full ({}), rejecting {}", queue.capacity(), pending.command);
            pending.future.completeExceptionally(new ModemUnavailableException("AT command queue full"));
            return;
        }
        startNext();
    }

    private void startNext() {
        while (inFlight == null && session != null && !queue.isEmpty()) {
            PendingCommand next = queue.poll();
            if (next.future.isDone()) {
                continue;
            }
            if (!resync.inStep()) {
                // A stalled modem may still answer earlier probes late: one more must be answered first.
                queue.putBack(next);
                sendProbe(resync.beforeCommand(), Resync.timeout(next.command, defaultTimeout));
                return;
            }
            inFlight = next;
            Duration timeout = next.command.timeout() != null ? next.command.timeout() : defaultTimeout;
            next.timer = engine.schedule(() -> onTimeout(next), timeout.toNanos(), TimeUnit.NANOSECONDS);
            next.awaitingPrompt = next.command.promptPayload() != null;
            writer.command(session, next.command);
        }
    }

    private void onLine(String line) {
        if (unsolicited.consumeContinuation(line)) {
            // The line after a +CMT/+CDS header is a PDU or, in text mode, the message body: never its content.
            log.debug("AT< [notification body, {} chars]", line.length());
            return;
        }
        if (log.isDebugEnabled()) {
            log.debug("AT< {}", AtLogRedactor.response(line));
        }
        PendingCommand p = inFlight;
        if (p == null) {
            unsolicited.onUnsolicited(line);
            return;
        }
        if (session != null && p.command.isEcho(line)) {
            listener.onEcho(session.id);
        }
        ResponseMatcher.Match match = ResponseMatcher.match(p, line, unsolicited::isUnsolicited);
        switch (match.kind()) {
            case FINAL -> finish(p, match.result());
            case PROMPT -> sendPayload(p);
            case UNSOLICITED -> unsolicited.onUnsolicited(line);
            case IGNORED, ANSWER -> {
                // Nothing more to do: dropped, or recorded on the command.
            }
        }
    }

    private void onPrompt() {
        PendingCommand p = inFlight;
        if (p != null && p.awaitingPrompt) {
            sendPayload(p);
        } else {
            log.debug("Ignoring a prompt no command waits for");
        }
    }

    private void sendPayload(PendingCommand p) {
        p.awaitingPrompt = false;
        writer.payload(session, p.command);
    }

    private void finish(PendingCommand p, FinalResult result) {
        inFlight = null;
        p.cancelTimer();
        if (p.resync) {
            // The probe proves the link is in step, not that the modem does its work: the count stays.
            log.debug("AT stream resynchronised after a timeout");
            resync.answered();
            startNext();
            return;
        }
        consecutiveTimeouts = 0;
        if (result.isSuccess()) {
            p.future.complete(new AtResponse(p.lines, result.line()));
        } else {
            if (log.isDebugEnabled()) {
                log.debug("AT command {} failed: {} {}", p.command, result.label(), result.code());
            }
            p.future.completeExceptionally(new ModemRejectedException("modem answered " + result.label(),
                    result.code()));
        }
        startNext();
    }

    private void onTimeout(PendingCommand p) {
        if (inFlight != p) {
            return;
        }
        inFlight = null;
        if (p.resync) {
            probeUnanswered(p);
        } else if (Resync.answeredWithoutFinal(p)) {
            // Some phones answer AT+CPIN? without a final OK: the answer itself is the proof of life.
            log.debug("AT command {} answered without a final result; accepting the answer", p.command);
            consecutiveTimeouts = 0;
            p.future.complete(new AtResponse(p.lines, "OK"));
            startNext();
        } else {
            timedOut(p);
            // ESC, then probes until one is answered in step (see Resync): without ESC a late prompt would
            // swallow the next command as message text.
            writer.escape(session);
            sendProbe(resync.first(), Resync.timeout(p.command, defaultTimeout));
        }
    }

    /** The next round's probe; after the last, the stream stays out of step and a guarded command fails. */
    private void probeUnanswered(PendingCommand probe) {
        AtCommand next = resync.next();
        if (next != null) {
            sendProbe(next, probe.command.timeout());
            return;
        }
        log.debug("AT resync probes unanswered; the stream stays out of step");
        if (resync.guarding() && !queue.isEmpty()) {
            timedOut(queue.poll());
        }
        startNext();
    }

    /** Fails {@code p} as timed out, counting it, and tells the listener once the modem looks unresponsive. */
    private void timedOut(PendingCommand p) {
        consecutiveTimeouts++;
        log.warn("AT command {} timed out ({} in a row)", p.command, consecutiveTimeouts);
        p.future.completeExceptionally(new ModemTimeoutException("modem did not answer in time"));
        if (consecutiveTimeouts >= maxConsecutiveTimeouts && session != null) {
            listener.onUnresponsive(session.id, consecutiveTimeouts);
        }
    }

    private void sendProbe(AtCommand command, Duration timeout) {
        PendingCommand probe = Resync.probe(command, timeout);
        inFlight = probe;
        probe.timer = engine.schedule(() -> onTimeout(probe), timeout.toNanos(), TimeUnit.NANOSECONDS);
        writer.probe(session, command);
    }

    private void endSession(CallstackException cause) {
        LinkSession ended = session;
        session = null;
        attached.remove(ended.id);
        ended.link.close();
        PendingCommand p = inFlight;
        inFlight = null;
        if (p != null) {
            p.cancelTimer();
            p.future.completeExceptionally(cause);
        }
        queue.failAll(cause);
        unsolicited.reset();
    }

    /** The executor's side of its sessions: lines and link loss of the current one, and the attached map. */
    private final class SessionOwner implements LinkSession.Owner {
        @Override
        public void runOnEngine(Runnable task) {
            AtCommandExecutor.this.runOnEngine(task);
        }

        @Override
        public boolean isCurrent(LinkSession candidate) {
            return session == candidate;
        }

        @Override
        public void closeAttached(long sessionId) {
            AtCommandExecutor.this.closeAttached(sessionId);
        }

        @Override
        public void onLine(String line) {
            AtCommandExecutor.this.onLine(line);
        }

        @Override
        public void onPrompt() {
            AtCommandExecutor.this.onPrompt();
        }

        @Override
        public void onLinkLost(long sessionId, String reason) {
            listener.onLinkLost(sessionId, reason);
        }
    }
}
