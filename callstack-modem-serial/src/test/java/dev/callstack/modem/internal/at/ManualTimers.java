package dev.callstack.modem.internal.at;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * An engine for executor tests whose timers fire only when the test says so: tasks run in order on one thread, as on
 * the real engine, and {@link #fire()} runs the timers pending at that moment on that thread, after every task queued
 * before it (bytes the test fed in, for instance). A test that answers "before the timeout" then does so whatever
 * the machine's load, instead of within a few milliseconds of wall-clock time.
 *
 * <p>Thread-safe.
 */
final class ManualTimers extends AbstractExecutorService implements ScheduledExecutorService {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "manual-timers-engine");
        t.setDaemon(true);
        return t;
    });
    // Guarded by this.
    private final List<Timer> pending = new ArrayList<>();

    /** Fires every timer scheduled and not cancelled so far, in scheduling order; returns once they have run. */
    void fire() throws Exception {
        List<Timer> due;
        synchronized (this) {
            due = List.copyOf(pending);
            pending.clear();
        }
        thread.submit(() -> due.forEach(Timer::run)).get(30, TimeUnit.SECONDS);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        Timer timer = new Timer(command);
        synchronized (this) {
            pending.add(timer);
        }
        return timer;
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("the executor schedules runnables only");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("the executor schedules no periodic tasks");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
                                                     TimeUnit unit) {
        throw new UnsupportedOperationException("the executor schedules no periodic tasks");
    }

    @Override
    public void execute(Runnable command) {
        thread.execute(command);
    }

    @Override
    public void shutdown() {
        thread.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return thread.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return thread.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return thread.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return thread.awaitTermination(timeout, unit);
    }

    /** A timer: runs its task when fired, unless cancelled first. */
    private static final class Timer extends FutureTask<Void> implements ScheduledFuture<Void> {
        Timer(Runnable task) {
            super(task, null);
        }

        @Override
        public long getDelay(TimeUnit unit) {
            // Due whenever the test fires it.
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
