package dev.callstack.server.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One periodic background job of the server (a retention sweep, the journal's pruning, the outbox gauges), run on
 * the process's single {@code callstack-housekeeping} thread. The jobs are short and far apart (seconds to a day),
 * so one thread for all of them costs nothing in latency, where a thread each cost a stack and a malloc arena apiece
 * on a 512 MB board (issue 14). The thread is shared by every server and modem in the process, so it is never shut
 * down; it is a daemon, and a closed task leaves nothing behind on it.
 *
 * <p>Thread-safe: runs of one task never overlap, and {@link #close()} waits for a run in progress.
 */
final class HousekeepingTask implements AutoCloseable {
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final Runnable body;
    private final ReentrantLock running = new ReentrantLock();
    private volatile boolean closed;
    private volatile ScheduledFuture<?> periodic;

    /** A task that runs {@code body} (which handles its own failures: a throw would end the schedule). */
    HousekeepingTask(Runnable body) {
        this.body = Objects.requireNonNull(body, "body");
    }

    /** Runs the body now, then every {@code interval} after each run ends. */
    HousekeepingTask every(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive");
        }
        if (periodic != null) {
            throw new IllegalStateException("already scheduled");
        }
        periodic = Shared.EXECUTOR.scheduleWithFixedDelay(this::runOnce, 0, interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    /** One extra run as soon as the thread is free; nothing once closed. */
    void runSoon() {
        if (!closed) {
            ScheduledFuture<?> unused = Shared.EXECUTOR.schedule(this::runOnce, 0, TimeUnit.MILLISECONDS);
        }
    }

    /** Whether the periodic schedule is still on (false before {@link #every} and after {@link #close()}). */
    boolean scheduled() {
        ScheduledFuture<?> current = periodic;
        return current != null && !current.isDone();
    }

    private void runOnce() {
        running.lock();
        try {
            if (!closed) {
                body.run();
            }
        } finally {
            running.unlock();
        }
    }

    /**
     * Stops the schedule and waits (up to ten seconds) for a run in progress; returns false if it was still running.
     * A run is not interrupted: SQLite's work would not stop for it, and the owner closes its store after this.
     */
    boolean closeAndWait() throws InterruptedException {
        closed = true;
        ScheduledFuture<?> current = periodic;
        if (current != null) {
            current.cancel(false);
        }
        if (running.isHeldByCurrentThread()) {
            return true; // closed from within its own run
        }
        if (!running.tryLock(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        running.unlock();
        return true;
    }

    @Override
    public void close() {
        try {
            closeAndWait();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The shared thread, created with the first task. */
    private static final class Shared {
        static final ScheduledThreadPoolExecutor EXECUTOR = executor();

        private static ScheduledThreadPoolExecutor executor() {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
                    DaemonThreads.named("callstack-housekeeping"));
            executor.setRemoveOnCancelPolicy(true); // a closed task's schedule leaves the queue at once
            return executor;
        }
    }
}
