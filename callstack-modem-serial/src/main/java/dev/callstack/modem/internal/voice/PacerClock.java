package dev.callstack.modem.internal.voice;

import java.util.concurrent.locks.LockSupport;

/** A monotonic clock the {@link PcmPacer} waits on; tests inject a virtual one. Implementations are thread-safe. */
public interface PacerClock {
    /** The system clock: {@link System#nanoTime()} and {@link LockSupport#parkNanos(long)}. */
    PacerClock SYSTEM = new PacerClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void parkUntil(long deadlineNanos) {
            LockSupport.parkNanos(deadlineNanos - System.nanoTime());
        }
    };

    /** Monotonic nanoseconds. */
    long nanoTime();

    /**
     * Waits until about {@code deadlineNanos}; may return early (an unpark from {@link PcmPacer#stop()}, and at once
     * on an interrupted thread, as {@link LockSupport#parkNanos(long)} does).
     *
     * @param deadlineNanos the instant on {@link #nanoTime()}'s scale
     */
    void parkUntil(long deadlineNanos);
}
