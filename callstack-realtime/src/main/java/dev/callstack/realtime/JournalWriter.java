package dev.callstack.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit between a journaled hub's publishers and its fan-out. A publisher only takes the next id, lets the hub
 * encode the event and queues it; one drain at a time (on {@code writes}) takes everything queued so far, stores it
 * with one {@link EventJournal#appendAll} (one transaction) and only then hands the batch, in id order, to the
 * fan-out. So an event reaches clients only once it is durable, ids stay strictly increasing, and a burst of events
 * pays one commit instead of one each; the publisher (often the modem's reader thread) never waits for the disk,
 * unless the writer is {@link #MAX_BACKLOG} events behind.
 *
 * <p>Commits are paced: after a commit the writer waits for the rest of {@code commitInterval} before it takes the
 * queue again, so a steady stream of events is stored in batches, at most one commit per interval, each event waits
 * at most about one interval longer, and the writer wakes once per batch (its own timer; a publisher wakes it only
 * after an interval passed with nothing to store). An event after a quiet spell is stored at once.
 *
 * <p>A batch holds at most {@code maxBatch} events, and a wait ends as soon as that many are queued: the batch goes to
 * every client in one burst, and a burst bigger than a client's queue (plus what its transport buffers) would make a
 * client that keeps up on average drop the oldest (10 ms at 50 000 events/s is 500 events; the queue is 256 by
 * default). A backlog larger than that (a slow commit) goes out in consecutive batches of that size.
 *
 * <p>A failed append does not silence the live feed: the batch still goes out and is counted in {@code failures}
 * (those events are then missing from the journal, so a later {@code since=} resume skips them).
 *
 * <p>Thread-safe: the queue and id under this object's monitor; at most one drain runs at a time.
 */
final class JournalWriter implements AutoCloseable {
    /** Events queued before a publisher waits for the writer: bounds memory when the disk stalls. */
    static final int MAX_BACKLOG = 16_384;
    private static final Logger log = LoggerFactory.getLogger(JournalWriter.class);

    /**
     * One published event on its way to the journal and the clients.
     *
     * @param id       its id
     * @param index    its index in {@link EventNames#supported()}
     * @param redacted the redacted envelope (or the hub's unencodable marker)
     * @param content  the content envelope (or the hub's unencodable marker)
     * @param entry    what the journal stores, or null when the event could not be encoded
     */
    record Pending(long id, int index, EncodedMessage redacted, EncodedMessage content, JournalEntry entry) {
    }

    private final EventJournal journal;
    private final Executor writes;
    /** The writer's own thread when none was given (shut down on close), else null. */
    private final ExecutorService owned;
    private final Consumer<List<Pending>> fanOut;
    private final LongAdder failures;
    private final long commitIntervalNanos;
    private final int maxBatch;
    /** When the last batch was taken; only drains touch it, and they run one after the other. */
    private long lastCommitNanos;
    private boolean committedBefore;

    // Guarded by this.
    private long lastId;
    private ArrayList<Pending> queued = new ArrayList<>();
    private boolean scheduled;

    /**
     * A writer draining on {@code writes}, or on a daemon thread of its own when that is null, with at most one commit
     * per {@code commitIntervalNanos} while events keep coming (0: no pacing) and at most {@code maxBatch} events per
     * commit and fan-out.
     */
    JournalWriter(EventJournal journal, Executor writes, Consumer<List<Pending>> fanOut, LongAdder failures,
                  long commitIntervalNanos, int maxBatch) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.owned = writes != null ? null : Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "callstack-journal-writer");
            thread.setDaemon(true);
            return thread;
        });
        this.writes = writes != null ? writes : owned;
        this.fanOut = Objects.requireNonNull(fanOut, "fanOut");
        this.failures = Objects.requireNonNull(failures, "failures");
        if (commitIntervalNanos < 0) {
            throw new IllegalArgumentException("commitIntervalNanos must not be negative");
        }
        this.commitIntervalNanos = commitIntervalNanos;
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be positive");
        }
        this.maxBatch = maxBatch;
        this.lastId = journal.lastId();
    }

    /**
     * Takes the next id, builds the event with it ({@code pending}, called under the lock so ids and queue order
     * agree) and queues it; starts a drain unless one is under way.
     */
    void publish(LongFunction<Pending> pending) {
        boolean start;
        synchronized (this) {
            awaitRoom();
            queued.add(pending.apply(++lastId));
            if (queued.size() == maxBatch) {
                notifyAll(); // a full batch: a drain waiting out the interval goes now
            }
            start = !scheduled;
            scheduled = true;
        }
        if (start) {
            try {
                writes.execute(this::drain);
            } catch (RejectedExecutionException closed) {
                abandon();
            }
        }
    }

    /** Waits (under the lock) while the writer is far behind; an interrupted publisher goes on without waiting. */
    private void awaitRoom() {
        while (queued.size() >= MAX_BACKLOG && scheduled) {
            try {
                wait();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Stores and fans out batches until a commit interval passes with nothing queued. After each commit the writer
     * waits out the interval and then takes what came meanwhile, so under a steady stream it wakes once per batch, on
     * its own timer, and publishers never have to wake it (they only find it {@code scheduled}).
     */
    private void drain() {
        try {
            while (true) {
                pace();
                List<Pending> batch;
                synchronized (this) {
                    if (queued.isEmpty()) {
                        scheduled = false;
                        return;
                    }
                    if (queued.size() <= maxBatch) {
                        batch = queued;
                        queued = new ArrayList<>(Math.min(batch.size() * 2, MAX_BACKLOG));
                    } else {
                        List<Pending> head = queued.subList(0, maxBatch);
                        batch = new ArrayList<>(head);
                        head.clear();
                    }
                    notifyAll();
                }
                lastCommitNanos = System.nanoTime();
                committedBefore = true;
                store(batch);
                fanOut.accept(batch);
            }
        } catch (RuntimeException unexpected) {
            // The hub's fan-out contains sink failures itself; this is a bug, and must not wedge the writer.
            log.error("Realtime journal writer failed: {}", unexpected.getClass().getName());
            synchronized (this) {
                scheduled = false;
                notifyAll();
            }
            throw unexpected;
        }
    }

    /**
     * Waits out the rest of the commit interval, so events arriving meanwhile join this batch, unless a full batch is
     * (or gets) queued.
     */
    private void pace() {
        if (commitIntervalNanos == 0 || !committedBefore) {
            return;
        }
        long due = lastCommitNanos + commitIntervalNanos;
        synchronized (this) {
            for (long left = due - System.nanoTime(); left > 0 && queued.size() < maxBatch;
                    left = due - System.nanoTime()) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void store(List<Pending> batch) {
        List<JournalEntry> entries = new ArrayList<>(batch.size());
        for (Pending pending : batch) {
            if (pending.entry() != null) {
                entries.add(pending.entry());
            }
        }
        if (entries.isEmpty()) {
            return;
        }
        try {
            journal.appendAll(entries);
        } catch (RuntimeException failure) {
            failures.add(entries.size());
            log.warn("Realtime events {}..{} not journaled: {}", entries.get(0).id(),
                    entries.get(entries.size() - 1).id(), failure.getClass().getName());
        }
    }

    /** The writer is shut down (the hub is closing): what is queued can no longer be stored and is counted lost. */
    private void abandon() {
        int lost;
        synchronized (this) {
            lost = queued.size();
            queued = new ArrayList<>();
            scheduled = false;
            notifyAll();
        }
        failures.add(lost);
        log.debug("Realtime journal writer closed, {} late event(s) not journaled", lost);
    }

    /** Lets the writer's own thread store and fan out what is queued (bounded wait); later events are not stored. */
    @Override
    public void close() {
        if (owned == null) {
            return;
        }
        owned.shutdown();
        try {
            if (!owned.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Realtime journal writer still busy at shutdown");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
