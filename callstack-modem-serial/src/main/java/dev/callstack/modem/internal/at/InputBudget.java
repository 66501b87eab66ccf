package dev.callstack.modem.internal.at;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bound on input read from the modem but not yet framed on the engine thread. Link reader threads reserve what
 * they read before handing it to the engine, which releases it once framed; a reservation beyond the budget means
 * the modem sends more than the engine frames, and the caller drops the link (counted as a flood).
 *
 * <p>Thread-safe.
 */
final class InputBudget {
    /** Input read but not yet framed beyond which the modem counts as flooding (the engine cannot keep up). */
    static final long DEFAULT_MAX_BYTES = 1 << 20;

    private final long maxBytes;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong floods = new AtomicLong();

    InputBudget(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxPendingInputBytes must be positive");
        }
        this.maxBytes = maxBytes;
    }

    /**
     * On a link's reader thread: reserves {@code length} bytes, or returns false and counts a flood when that would
     * take the unframed input over the budget (nothing is reserved then).
     */
    boolean reserve(int length) {
        long now = pending.addAndGet(length);
        if (now > maxBytes) {
            pending.addAndGet(-length);
            floods.incrementAndGet();
            return false;
        }
        peak.accumulateAndGet(now, Math::max);
        return true;
    }

    /** On the engine thread, once reserved bytes were framed (or their session had ended). */
    void release(int length) {
        pending.addAndGet(-length);
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Bytes reserved and not yet released (a gauge). */
    long pending() {
        return pending.get();
    }

    /** The highest {@link #pending()} seen; never above the budget. */
    long peak() {
        return peak.get();
    }

    /** How many reservations the budget refused. */
    long floods() {
        return floods.get();
    }
}
