package dev.callstack.server.internal;

import dev.callstack.core.CallstackException;
import dev.callstack.core.Outbox;
import dev.callstack.core.OutboxBacklog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's pending count and oldest pending age for {@code /metrics}. The figures come from one count query over
 * the outbox's status index, run every {@link #INTERVAL} on the shared housekeeping thread ({@link HousekeepingTask}):
 * never per request, and never on the event loop that serves the scrape (a query there could wait behind the store's
 * fsync). A failed read keeps the last figures and is logged once per failure streak.
 *
 * <p>Thread-safe: the last reading is a volatile snapshot.
 */
final class OutboxBacklogGauges implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(OutboxBacklogGauges.class);

    private final Outbox outbox;
    private final Clock clock;
    private final HousekeepingTask task = new HousekeepingTask(this::refresh);
    private volatile OutboxBacklog last = OutboxBacklog.EMPTY;
    private volatile boolean failing;

    OutboxBacklogGauges(Outbox outbox, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Reads now, then every {@link #INTERVAL}. */
    OutboxBacklogGauges start() {
        task.every(INTERVAL);
        return this;
    }

    /** One reading now, on the calling thread. */
    void refresh() {
        try {
            last = outbox.backlog();
            failing = false;
        } catch (CallstackException | IllegalStateException failed) {
            if (!failing) {
                log.warn("Outbox backlog could not be read ({}); keeping the last figures",
                        failed.getClass().getSimpleName());
            }
            failing = true;
        }
    }

    /** Messages queued or sending at the last reading. */
    long pending() {
        return last.pending();
    }

    /** Seconds since the oldest pending message was committed (at the last reading), 0 when none is pending. */
    double oldestPendingAgeSeconds() {
        Instant oldest = last.oldestCommitted();
        return oldest == null ? 0 : Math.max(0, clock.millis() - oldest.toEpochMilli()) / 1000.0;
    }

    @Override
    public void close() {
        task.close();
    }
}
