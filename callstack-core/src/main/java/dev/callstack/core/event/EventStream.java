package dev.callstack.core.event;

import java.time.Duration;

/**
 * A bounded pull view of the bus: events are queued as they are published (drop-oldest when full) and taken with
 * {@link #poll(Duration)}.
 *
 * <p>Thread-safe; usually consumed by one thread.
 */
public interface EventStream<E extends ModemEvent> extends AutoCloseable {

    /**
     * The next event, waiting up to {@code timeout}.
     *
     * @param timeout how long to wait at most; not null
     * @return the oldest queued event, or {@code null} when none arrived in time or the stream is closed
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    E poll(Duration timeout) throws InterruptedException;

    /**
     * Events lost because the stream was full.
     *
     * @return the number of events dropped since the stream was opened
     */
    long dropped();

    @Override
    void close();
}
