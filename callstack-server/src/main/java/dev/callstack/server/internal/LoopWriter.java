package dev.callstack.server.internal;

import io.netty.channel.EventLoop;
import io.netty.util.internal.PlatformDependent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The single write task of one event loop for all its realtime clients. A {@link NettyClientSink} that got something
 * to send marks itself here once; one task per batch then writes every marked sink's messages (each sink's as one
 * buffer) and only after that flushes each sink it wrote to, once. So an event to 100 clients on this loop costs one
 * task and one flush ({@code write}/{@code writev}) per client, not one task per client, and everything that arrives
 * while the task runs joins the same flush.
 *
 * <p>Flushes are also coalesced in time: a task that comes less than the flush interval after the last batch waits
 * for the rest of the interval (the hand-over keeps filling meanwhile), so a steady stream costs one write per client
 * per interval instead of one per event; on loopback each write costs several microseconds of kernel time, which is
 * most of a delivery's price. A loop idle for an interval writes a new event at once. An interval of 0 turns this
 * off.
 *
 * <p>Under load the spacing grows with the batch: after a batch that wrote to N sinks the next one waits at least
 * N × {@link #SPACING_PER_SINK} (never less than the interval, never more than {@link #MAX_SPACING}). A fixed interval
 * cannot suit both ends: with a few clients each write is cheap and latency is what counts, while with 50 clients on
 * a loop at 500 events/s each one a batch costs 50 writes (~8 µs each on loopback, half of it the receiver's TCP
 * input run by our {@code sendto}), so every millisecond of extra spacing saves CPU per delivery. The cost is
 * latency: up to {@link #MAX_SPACING} more for a loop that writes to 50 or more sinks per batch, within the 50 ms
 * p99 budget; a loop that becomes quiet writes at once again after one batch.
 *
 * <p>Thread-safe: {@link #mark} from any thread; the task is confined to the loop.
 */
final class LoopWriter {
    /** Sinks written per task before the loop gets back to its sockets; the rest follow in the next task. */
    static final int SINKS_PER_TASK = 1024;
    /** Spacing after a batch per sink it wrote: about 50 times a loopback write's cost (~2 % of the loop's time). */
    static final Duration SPACING_PER_SINK = Duration.ofNanos(400_000);
    /** The longest spacing, whatever the batch: a bound on the latency this adds. */
    static final Duration MAX_SPACING = Duration.ofMillis(20);
    private static final int QUEUE_CHUNK = 64;
    private static final int QUEUE_MAX = 1 << 30;

    private final EventLoop loop;
    private final long intervalNanos;
    private final long maxSpacingNanos;
    private final LongSupplier nanoClock;
    // Array-backed multi-producer queue: no node per entry, unlike ConcurrentLinkedQueue.
    private final Queue<NettyClientSink> marked = PlatformDependent.newMpscQueue(QUEUE_CHUNK, QUEUE_MAX);
    /** Set from the first mark until a batch has taken every marked sink; senders meanwhile only mark. */
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** Set once a sink asked to cut the wait short (or not to start one); reset by the next batch. */
    private final AtomicBoolean hurried = new AtomicBoolean();
    private final Runnable task = this::run;
    private final Runnable waited = this::waited;
    private final Runnable batch = this::batch;
    /** Sinks written by the running batch and not yet flushed; confined to the loop. */
    private final List<NettyClientSink> unflushed = new ArrayList<>();
    // Confined to the loop.
    private long lastBatchNanos;
    /** The shortest time from the last batch to the next: the interval, or more after a batch to many sinks. */
    private long spacingNanos;
    private boolean waiting;

    /** {@code interval}: the shortest time between two batches while events keep coming; zero for none. */
    LoopWriter(EventLoop loop, Duration interval) {
        this(loop, interval, System::nanoTime);
    }

    /** For tests: {@code nanoClock} instead of {@link System#nanoTime()}. */
    LoopWriter(EventLoop loop, Duration interval, LongSupplier nanoClock) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.intervalNanos = interval.toNanos();
        this.maxSpacingNanos = Math.max(intervalNanos, MAX_SPACING.toNanos());
        this.spacingNanos = intervalNanos;
        this.lastBatchNanos = nanoClock.getAsLong() - intervalNanos;
    }

    /** Queues {@code sink} for the next batch (the sink calls this once until a batch has taken it). */
    void mark(NettyClientSink sink) {
        marked.offer(sink);
        if (!scheduled.get() && scheduled.compareAndSet(false, true)) {
            execute(task);
        }
    }

    /**
     * Cuts the wait short (or keeps the next batch from waiting): a sink whose hand-over is filling up must not reach
     * its mark (and make the hub queue and drop) just because the interval has not passed.
     */
    void hurry() {
        if (!hurried.get() && hurried.compareAndSet(false, true)) {
            execute(waited);
        }
    }

    private void execute(Runnable runnable) {
        try {
            loop.execute(runnable);
        } catch (RejectedExecutionException shuttingDown) {
            // The loop is going, and closes its channels itself. "scheduled" stays set, so no one tries again, and
            // the queues are left alone (their consumer may still be finishing its last task): what they hold is
            // heap bytes, nothing to release.
        }
    }

    /** The first mark after a batch: write now, or wait for the rest of the interval. */
    private void run() {
        if (intervalNanos > 0) {
            long wait = lastBatchNanos + spacingNanos - nanoClock.getAsLong();
            if (wait > 0 && !hurried.get()) {
                waiting = true;
                loop.schedule(waited, wait, TimeUnit.NANOSECONDS);
                return;
            }
        }
        batch();
    }

    /** The end of a wait, by its timer or by {@link #hurry}, whichever comes first; the other finds nothing to do. */
    private void waited() {
        if (waiting) {
            waiting = false;
            batch();
        }
    }

    private void batch() {
        if (intervalNanos > 0) {
            lastBatchNanos = nanoClock.getAsLong();
            hurried.set(false); // this batch takes what the hurry was for; a later hurry starts the next one early
        }
        int budget = SINKS_PER_TASK;
        NettyClientSink sink;
        while (budget-- > 0 && (sink = marked.poll()) != null) {
            if (sink.writeBatch()) {
                unflushed.add(sink);
            }
        }
        for (NettyClientSink written : unflushed) {
            written.flush();
        }
        if (intervalNanos > 0) {
            spacingNanos = Math.min(maxSpacingNanos,
                    Math.max(intervalNanos, unflushed.size() * SPACING_PER_SINK.toNanos()));
        }
        unflushed.clear();
        if (!marked.isEmpty()) {
            execute(batch); // still scheduled: the batch goes on after the loop has served its sockets
            return;
        }
        scheduled.set(false);
        // A sink marked between the last poll and the reset saw "scheduled" and did not schedule: look again.
        if (!marked.isEmpty() && scheduled.compareAndSet(false, true)) {
            execute(task);
        }
    }
}
