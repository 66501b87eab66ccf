package dev.callstack.server.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --journal-retention} ({@code 0}: no age limit) and {@code --journal-max-events}: prunes the event journal on
 * the shared housekeeping thread ({@link HousekeepingTask}), never on the event loop or under the hub's publish lock:
 * at start, every {@link #INTERVAL} (for age), and soon after an append takes the journal past its event limit by a
 * small slack (for count; the slack turns a prune per event into one per 1 % of the limit). A failed prune is logged
 * and the next one still runs.
 *
 * <p>Thread-safe.
 */
final class JournalPruner implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(JournalPruner.class);

    private final SqliteEventJournal journal;
    private final Duration retention;
    private final long maxEvents;
    private final long slack;
    private final Clock clock;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final HousekeepingTask task = new HousekeepingTask(this::pruneLogged);

    JournalPruner(SqliteEventJournal journal, Duration retention, long maxEvents, Clock clock) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (retention.isNegative() || maxEvents < 1) {
            throw new IllegalArgumentException("journal retention must not be negative, max events at least 1");
        }
        this.maxEvents = maxEvents;
        this.slack = Math.max(1, maxEvents / 100);
    }

    /** Starts the schedule (first prune now) and the count trigger. */
    JournalPruner start() {
        task.every(INTERVAL);
        journal.onAppend(id -> appended());
        log.info("Event journal retention {} / {} events", RetentionPeriod.label(retention), maxEvents);
        return this;
    }

    /** Called on the journal's appending thread: checks cached figures; past the limit, wakes the pruner once. */
    private void appended() {
        if (journal.size() >= maxEvents + slack && queued.compareAndSet(false, true)) {
            task.runSoon();
        }
    }

    /** One prune now, on the calling thread; returns the entries deleted. */
    long prune() {
        queued.set(false);
        // A zero retention means no age limit: nothing was journaled before the epoch.
        Instant notBefore = retention.isZero() ? Instant.EPOCH : clock.instant().minus(retention);
        long deleted = journal.prune(notBefore, maxEvents);
        if (deleted > 0) {
            log.debug("Event journal retention deleted {} entries", deleted);
        }
        return deleted;
    }

    private void pruneLogged() {
        try {
            prune();
        } catch (IllegalStateException failed) {
            log.warn("Event journal prune failed ({}); retrying later", failed.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        try {
            if (!task.closeAndWait()) {
                log.warn("Event journal prune still running at shutdown");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
