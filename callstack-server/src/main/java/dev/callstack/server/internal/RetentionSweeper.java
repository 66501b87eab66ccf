package dev.callstack.server.internal;

import dev.callstack.core.store.MessageStoreException;
import dev.callstack.modem.store.SqliteMessageStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --retention}: erases message bodies and numbers older than the retention period from the store
 * ({@link SqliteMessageStore#eraseContentBefore}), or whatever else an {@link Eraser} erases (voicemail), once at
 * start and then every {@link #INTERVAL}, on the shared housekeeping thread ({@link HousekeepingTask}). A failed sweep
 * is logged and the next one still runs.
 *
 * <p>Thread-safe.
 */
final class RetentionSweeper implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);

    /** Erases what is older than a cutoff; returns how many rows it touched. */
    @FunctionalInterface
    interface Eraser {
        int eraseBefore(Instant cutoff);
    }

    private final Eraser eraser;
    private final String what;
    private final Duration retention;
    private final Clock clock;
    private final HousekeepingTask task = new HousekeepingTask(this::sweepLogged);

    RetentionSweeper(SqliteMessageStore store, Duration retention, Clock clock) {
        this(Objects.requireNonNull(store, "store")::eraseContentBefore, "message bodies and numbers", retention,
                clock);
    }

    /** A sweeper running {@code eraser}; {@code what} names what it erases in the log lines. */
    RetentionSweeper(Eraser eraser, String what, Duration retention, Clock clock) {
        this.eraser = Objects.requireNonNull(eraser, "eraser");
        this.what = Objects.requireNonNull(what, "what");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive");
        }
    }

    /** Starts the daily schedule, first sweep now. */
    RetentionSweeper start() {
        task.every(INTERVAL);
        log.info("Retention {}: older {} are erased daily", RetentionPeriod.label(retention), what);
        return this;
    }

    /** One sweep now, on the calling thread: erases what is older than the retention period; returns the rows. */
    int sweep() {
        int erased = eraser.eraseBefore(clock.instant().minus(retention));
        if (erased > 0) {
            log.info("Retention: erased {} older than {} from {} stored row(s)", what,
                    RetentionPeriod.label(retention), erased);
        }
        return erased;
    }

    private void sweepLogged() {
        try {
            sweep();
        } catch (MessageStoreException | IllegalStateException failed) {
            log.warn("Retention sweep failed ({}); retrying in {}", failed.getClass().getSimpleName(),
                    RetentionPeriod.label(INTERVAL));
        }
    }

    /** Whether the daily schedule is on (after {@link #start()}, until {@link #close()}). */
    boolean scheduled() {
        return task.scheduled();
    }

    @Override
    public void close() {
        try {
            if (!task.closeAndWait()) {
                log.warn("Retention sweep still running at shutdown");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
