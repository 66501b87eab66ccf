package dev.callstack.modem.internal.sms;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The sends between their {@code AT+CMGS} and the store recording the part's TP-MR. The modem may emit a status
 * report right after the {@code +CMGS:} answer, so the inbound thread can look for the part before the send thread
 * has recorded it; {@link #find} then waits for the sends that were in that window and looks once more. With no send
 * in flight it looks once and never waits.
 *
 * <p>Thread-safe.
 */
final class SendsInFlight {
    private final long limitNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ended = lock.newCondition();
    // Both only grow, so "every send begun before the first look has ended" is endedCount >= that look's begunCount.
    private long begunCount;
    private long endedCount;

    /** @param limit the longest a lookup waits for a send to end (a send that hangs must not stall inbound SMS) */
    SendsInFlight(Duration limit) {
        Objects.requireNonNull(limit, "limit");
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("limit must be positive");
        }
        this.limitNanos = limit.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : limit.toNanos();
    }

    /** On the send thread, just before {@code AT+CMGS}. Every call must be followed by {@link #end} in a finally. */
    void begin() {
        lock.lock();
        try {
            begunCount++;
        } finally {
            lock.unlock();
        }
    }

    /** On the send thread, once the part was recorded or its send failed. */
    void end() {
        lock.lock();
        try {
            if (endedCount == begunCount) {
                throw new IllegalStateException("end() without begin()");
            }
            endedCount++;
            ended.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code lookup}; when it finds nothing while sends are in flight, waits (at most the limit; an interrupt
     * ends the wait and stays set) until those sends have ended and runs it once more.
     */
    <T> Optional<T> find(Supplier<Optional<T>> lookup) {
        // Taken before the first look: a send that ends between that look and the wait must still earn a second one.
        long inFlightUpTo = inFlightUpTo();
        Optional<T> found = lookup.get();
        if (found.isPresent() || inFlightUpTo == 0 || !awaitEnded(inFlightUpTo)) {
            return found;
        }
        return lookup.get();
    }

    /** The count of sends begun so far when one of them has not ended, else 0. */
    private long inFlightUpTo() {
        lock.lock();
        try {
            return endedCount < begunCount ? begunCount : 0;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the first {@code begun} sends have all ended, waiting for that at most the limit. */
    private boolean awaitEnded(long begun) {
        lock.lock();
        try {
            long nanos = limitNanos;
            while (endedCount < begun) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = ended.awaitNanos(nanos);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }
}
