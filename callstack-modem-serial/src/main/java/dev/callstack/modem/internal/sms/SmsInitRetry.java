package dev.callstack.modem.internal.sms;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * When the next SMS init attempt runs after one failed: right after boot SIMCom and Quectel modems answer SMS commands
 * with {@code +CMS ERROR: 302/314/515} or {@code +CME ERROR: 14} for seconds, so a failed init is retried with a
 * doubling delay (capped) for as long as the connection lasts, and at once when the modem says {@code SMS Ready}.
 * The attempt itself only queues work (on the SMS inbound thread).
 *
 * <p>Thread-safe.
 */
final class SmsInitRetry {
    private final ScheduledExecutorService scheduler;
    private final Duration first;
    private final Duration max;
    private final Runnable attempt;
    private ScheduledFuture<?> pending;
    private int failures;
    private boolean active;
    // SMS Ready came while an attempt was running: the next one goes at once.
    private boolean readyMeanwhile;

    /**
     * @param attempt queues one init attempt; it reports back with {@link #failed()} or {@link #stop()}
     */
    SmsInitRetry(ScheduledExecutorService scheduler, Duration first, Duration max, Runnable attempt) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.first = Objects.requireNonNull(first, "first");
        this.max = Objects.requireNonNull(max, "max");
        this.attempt = Objects.requireNonNull(attempt, "attempt");
    }

    /** The connection's init failed: retries start, the first after {@code first}. Returns that delay. */
    synchronized Duration start() {
        cancel();
        active = true;
        readyMeanwhile = false;
        failures = 0;
        return schedule();
    }

    /** Whether retries are due on the current connection (checked by the attempt before it runs). */
    synchronized boolean active() {
        return active;
    }

    /** An attempt failed: the next one is scheduled (a longer delay). Returns that delay, or zero when stopped. */
    synchronized Duration failed() {
        return active ? schedule() : Duration.ZERO;
    }

    /** The modem said its SMS service is up: the pending attempt runs now. */
    synchronized void now() {
        if (!active) {
            return;
        }
        if (pending == null) {
            readyMeanwhile = true;
            return;
        }
        cancel();
        attempt.run();
    }

    /** The init succeeded, or the connection ended: no more attempts. */
    synchronized void stop() {
        active = false;
        cancel();
    }

    private Duration schedule() {
        long delay = first.toNanos() << Math.min(failures, 20);
        Duration next = delay <= 0 || delay > max.toNanos() ? max : Duration.ofNanos(delay);
        if (readyMeanwhile) {
            readyMeanwhile = false;
            next = Duration.ZERO;
        }
        failures++;
        try {
            pending = scheduler.schedule(this::fire, next.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            active = false;
        }
        return next;
    }

    private synchronized void fire() {
        pending = null;
        if (active) {
            attempt.run();
        }
    }

    private void cancel() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }
}
