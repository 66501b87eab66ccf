package dev.callstack.realtime;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongFunction;

/**
 * The stored part of a resuming client's stream: the journal's events after its cursor up to the id that was newest
 * when it registered ({@code endId}), read in pages on {@code reads} (never on the transport's thread) and handed to
 * {@link ClientHandle}'s drain one message at a time. Events after {@code endId} reach the client live, so together
 * they make one stream without gap or duplicate. A cursor older than the journal's oldest kept event gets a
 * {@code resync} notice before the first stored event.
 *
 * <p>Thread-safe: state under this object's monitor; the journal is read outside it, on the executor.
 */
final class Replay {
    /** Entries read per journal query: large enough to amortise a query, small enough to bound memory per client. */
    static final int PAGE = 512;

    private final EventJournal journal;
    private final Set<String> names;
    private final View view;
    private final long endId;
    private final Executor reads;
    private final LongFunction<EncodedMessage> resyncNotice;

    // Guarded by this.
    private final ArrayDeque<EncodedMessage> page = new ArrayDeque<>();
    private long after;
    private boolean started;
    private boolean fetching;
    private boolean exhausted;
    private boolean failed;

    Replay(EventJournal journal, long since, long endId, Set<String> names, View view, Executor reads,
           LongFunction<EncodedMessage> resyncNotice) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.names = Set.copyOf(names);
        this.view = Objects.requireNonNull(view, "view");
        this.reads = Objects.requireNonNull(reads, "reads");
        this.resyncNotice = Objects.requireNonNull(resyncNotice, "resyncNotice");
        this.after = since;
        this.endId = endId;
        this.exhausted = since >= endId;
    }

    /** The next stored message, or null when none is read yet (then {@link #done()} or {@link #fetch}). */
    synchronized EncodedMessage poll() {
        return page.pollFirst();
    }

    /** True once every stored event up to {@code endId} was handed out. */
    synchronized boolean done() {
        return exhausted && page.isEmpty() && !fetching;
    }

    /** True when a journal read failed: the client cannot get a gap-free stream and must be closed. */
    synchronized boolean failed() {
        return failed;
    }

    /** True when the buffered page runs low and more is left to read: worth starting the next read early. */
    synchronized boolean wantsMore() {
        return !exhausted && !fetching && !failed && page.size() < PAGE / 4;
    }

    /**
     * Starts reading the next page unless a read is under way or nothing is left; {@code ready} runs (on the
     * executor) once the page is buffered or the read failed.
     *
     * @return false when the executor refused the read (the caller closes the client)
     */
    boolean fetch(Runnable ready) {
        synchronized (this) {
            if (exhausted || fetching || failed) {
                return true;
            }
            fetching = true;
        }
        try {
            reads.execute(() -> readPage(ready));
            return true;
        } catch (RejectedExecutionException busy) {
            synchronized (this) {
                fetching = false;
                failed = true;
            }
            return false;
        }
    }

    private void readPage(Runnable ready) {
        long from;
        boolean first;
        synchronized (this) {
            from = after;
            first = !started;
            started = true;
        }
        try {
            EncodedMessage resync = first ? resyncFor(from) : null;
            List<JournalEntry> entries = journal.read(from, PAGE, names);
            synchronized (this) {
                if (resync != null) {
                    page.addLast(resync);
                }
                for (JournalEntry entry : entries) {
                    if (entry.id() > endId) {
                        exhausted = true;
                        break;
                    }
                    page.addLast(entry.in(view));
                    after = entry.id();
                }
                if (entries.size() < PAGE || after >= endId) {
                    exhausted = true;
                }
                fetching = false;
            }
        } catch (RuntimeException failure) {
            synchronized (this) {
                fetching = false;
                failed = true;
            }
        }
        ready.run();
    }

    /** The resync notice when events after {@code from} were deleted by retention, else null. */
    private EncodedMessage resyncFor(long from) {
        long oldest = journal.oldestId();
        long oldestKept = oldest > 0 ? oldest : journal.lastId() + 1;
        return from < oldestKept - 1 ? resyncNotice.apply(Math.min(oldestKept, endId + 1)) : null;
    }
}
