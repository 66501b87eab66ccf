package dev.callstack.modem.internal.sms;

import dev.callstack.core.CallstackException;
import dev.callstack.core.OutboxStatus;
import dev.callstack.core.event.EventBus;
import dev.callstack.core.event.SmsFailed;
import dev.callstack.core.event.SmsSent;
import dev.callstack.core.store.MessageStoreException;
import dev.callstack.modem.pdu.SubmitPdu;
import dev.callstack.modem.store.OutboxRow;
import dev.callstack.modem.store.OutboxStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends committed outbox messages: one message per task on the SMS send thread (so direct sends queued meanwhile
 * take turns with it), high priority first, then by due time and id, at the configured rate; transient failures go
 * back to the queue with exponential backoff (5 s doubling to 10 min) until their time to live; the rest end as
 * {@link SendFailures} says. The first run recovers what a crash left {@code SENDING}: a message with a part marked in
 * flight (its {@code AT+CMGS} may have gone out) becomes {@code UNKNOWN} (queued again when it asked for
 * {@code retry_unknown}); one with no part in flight had every sent part's reference recorded, so it is resumed from
 * its next unsent part, with the same PDUs. Direct sends found so are not resumed (their caller is gone).
 *
 * <p>Wake-ups come from enqueue, connect, a due time or the rate (on the engine's scheduler), and a periodic tick
 * (a clock moved by hand, a missed wake-up). An enqueue while the rate holds the next message back wakes nothing:
 * the rate's own wake-up comes then, and at a few hundred enqueues a second a look at the queue per enqueue (a store
 * transaction on the send thread, under the store's lock) cost more than the enqueue. Thread-safe: {@link #wake} and
 * {@link #enqueued} from any thread; the work itself runs only on the send thread.
 */
final class OutboxDispatcher {
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration MAX_RETRY = Duration.ofMinutes(10);
    /** Even with nothing scheduled, the queue is looked at this often. */
    static final Duration TICK = Duration.ofSeconds(1);

    private final OutboxStore store;
    private final SmsSender sender;
    private final Executor sendThread;
    private final ScheduledExecutorService scheduler;
    private final InitGate gate;
    private final BooleanSupplier ready;
    private final Clock clock;
    private final EventBus events;
    private final OutboxWaiters waiters;
    private final SendRate rate;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicBoolean ticking = new AtomicBoolean();
    private volatile boolean recovered;
    private volatile boolean closed;
    private volatile ScheduledFuture<?> tick;
    /** Until when the rate holds the next message back (set on the send thread), or null. */
    private volatile Instant heldUntil;
    private final AtomicLong heldEnqueues = new AtomicLong();
    // Send thread only.
    private ScheduledFuture<?> timer;
    private Instant timerAt;

    OutboxDispatcher(OutboxStore store, SmsSender sender, Executor sendThread, ScheduledExecutorService scheduler,
                     InitGate gate, BooleanSupplier ready, Clock clock, EventBus events, OutboxWaiters waiters,
                     int ratePerMinute) {
        this.store = Objects.requireNonNull(store, "store");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.sendThread = Objects.requireNonNull(sendThread, "sendThread");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.ready = Objects.requireNonNull(ready, "ready");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
        this.waiters = Objects.requireNonNull(waiters, "waiters");
        this.rate = new SendRate(ratePerMinute);
    }

    /** After every (re)connect: start ticking (once) and look at the queue as soon as the SMS init has run. */
    void connected() {
        if (ticking.compareAndSet(false, true) && !closed) {
            long every = TICK.toNanos();
            tick = scheduler.scheduleWithFixedDelay(this::wake, every, every, TimeUnit.NANOSECONDS);
        }
        var unused = gate.current().whenComplete((ok, error) -> wake());
        wake();
    }

    /** A message was committed: look at the queue, unless the rate holds the next message back until later. */
    void enqueued() {
        Instant held = heldUntil;
        if (held != null && clock.instant().isBefore(held)) {
            heldEnqueues.incrementAndGet();
            return;
        }
        wake();
    }

    /** For tests: enqueues that woke nothing because the rate held the next message back. */
    long heldEnqueues() {
        return heldEnqueues.get();
    }

    /** Queues one dispatch task on the send thread, unless one is queued already. */
    void wake() {
        if (closed || !queued.compareAndSet(false, true)) {
            return;
        }
        try {
            sendThread.execute(this::runOnce);
        } catch (RejectedExecutionException e) {
            // The send queue is full or closing: the tick comes back.
            queued.set(false);
        }
    }

    void close() {
        closed = true;
        ScheduledFuture<?> t = tick;
        if (t != null) {
            t.cancel(false);
        }
    }

    /** On the send thread: at most one message. */
    private void runOnce() {
        queued.set(false);
        if (closed) {
            return;
        }
        try {
            if (!recovered) {
                recover();
                recovered = true;
            }
            Instant now = clock.instant();
            store.expire(now).forEach(this::ended);
            if (!ready.getAsBoolean() || !gate.isDone() || gate.current().isCompletedExceptionally()) {
                return;
            }
            Instant allowed = rate.nextAllowed(now);
            if (allowed.isAfter(now)) {
                heldUntil = allowed;
                wakeAt(allowed, now);
                return;
            }
            heldUntil = null;
            Optional<OutboxRow> next = store.nextDue(now);
            if (next.isEmpty()) {
                store.nextWake().ifPresent(at -> wakeAt(at, now));
                return;
            }
            if (store.beginAttempt(next.get().messageId())) {
                rate.take(now);
                send(next.get());
            }
            wake();
        } catch (MessageStoreException e) {
            log.warn("Outbox dispatch failed: {}; retried on the next tick", e.getClass().getSimpleName());
        }
    }

    private void send(OutboxRow row) {
        long id = row.messageId();
        List<SubmitPdu> pdus;
        try {
            pdus = SmsSender.encode(row.sms(), row.concatReference());
        } catch (CallstackException e) {
            ended(store.finish(id, OutboxStatus.FAILED, "it cannot be encoded"));
            return;
        }
        try {
            List<Integer> references = sender.sendParts(id, pdus, row.references());
            log.info("Outbox message {} sent to {} in {} part(s)", id, row.sms().to(), pdus.size());
            events.publish(new SmsSent(clock.instant(), row.recipient(), references, pdus.size(), id));
            store.find(id).ifPresent(r -> waiters.changed(r.toEntry()));
        } catch (PartFailure f) {
            failed(row, f, pdus.size());
        }
    }

    private void failed(OutboxRow row, PartFailure f, int total) {
        long id = row.messageId();
        String error = SmsSender.describe(f, total);
        SendFailures.Verdict verdict = SendFailures.classify(f.failure());
        log.info("Outbox message {} attempt {}: part {} of {} failed: {} ({})", id, row.attempts() + 1,
                f.partsSent() + 1, total, f.failure().getClass().getSimpleName(), verdict);
        boolean retry = verdict == SendFailures.Verdict.RETRY
                || (verdict == SendFailures.Verdict.UNKNOWN && row.retryUnknown());
        Instant now = clock.instant();
        if (retry) {
            Instant due = now.plus(backoff(row.attempts() + 1));
            if (due.isBefore(row.expiresAt())) {
                store.requeue(id, due, error);
                return;
            }
            ended(store.finish(id, f.partsSent() > 0 ? OutboxStatus.PARTIALLY_SENT : OutboxStatus.EXPIRED,
                    error + "; its time to live runs out before the next attempt"));
            return;
        }
        OutboxStatus end = verdict == SendFailures.Verdict.UNKNOWN ? OutboxStatus.UNKNOWN
                : f.partsSent() > 0 ? OutboxStatus.PARTIALLY_SENT : OutboxStatus.FAILED;
        ended(store.finish(id, end, error));
    }

    /** The delay before the next attempt after {@code attempts} attempts: 5 s, 10 s, 20 s ... 10 min. */
    static Duration backoff(int attempts) {
        Duration d = FIRST_RETRY;
        for (int i = 1; i < attempts && d.compareTo(MAX_RETRY) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
    }

    private void recover() {
        Instant now = clock.instant();
        for (OutboxRow row : store.interrupted()) {
            Integer part = row.inFlightPart();
            if (part != null && row.retryUnknown() && !row.direct()) {
                log.info("Outbox message {}: restarted with part {} in flight; queued again as it asked",
                        row.messageId(), part);
                store.requeue(row.messageId(), now, "restarted while part " + part + " was in flight");
            } else if (part != null) {
                log.info("Outbox message {}: restarted with part {} in flight: unknown", row.messageId(), part);
                ended(store.finish(row.messageId(), OutboxStatus.UNKNOWN, "restarted while part " + part + " of "
                        + row.parts() + " was in flight; it may have been sent"));
            } else if (!row.direct()) {
                log.info("Outbox message {}: resumed after a restart at part {}", row.messageId(),
                        row.partsSent() + 1);
                store.requeue(row.messageId(), now, null);
            } else {
                ended(store.finish(row.messageId(), row.partsSent() > 0 ? OutboxStatus.PARTIALLY_SENT
                        : OutboxStatus.FAILED, "interrupted by a restart"));
            }
        }
    }

    /** A message reached a final state other than sent: {@code sms.failed} and its waiters. */
    private void ended(Optional<OutboxRow> row) {
        row.ifPresent(this::ended);
    }

    private void ended(OutboxRow row) {
        events.publish(new SmsFailed(clock.instant(), row.recipient(), row.messageId(), row.status(),
                row.error() == null ? row.status().name().toLowerCase(Locale.ROOT) : row.error()));
        waiters.changed(row.toEntry());
    }

    /** One timer at a time (send thread only): a later wake-up than the one pending is not scheduled again. */
    private void wakeAt(Instant at, Instant now) {
        if (timer != null && !timer.isDone() && !timerAt.isAfter(at)) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        long delay = Math.max(1, Duration.between(now, at).toNanos());
        try {
            timer = scheduler.schedule(this::wake, delay, TimeUnit.NANOSECONDS);
            timerAt = at;
        } catch (RejectedExecutionException e) {
            // The engine is closing.
        }
    }
}
