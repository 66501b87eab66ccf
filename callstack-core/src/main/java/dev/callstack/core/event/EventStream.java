package dev.callstack.core.event;

import java.time.Duration;

/**
 * A bounded pull view of the bus: events are queued as they are published (drop-oldest when full) and taken with
 * {@link #poll(Duration)}.
 *
 * <p>Thread-safe; usually consumed by one thread.
 */
public interface EventStream<E extends ModemEvent> extends AutoCloseable {

    /** The next event, waiting up to {@code timeout}; {@code null} when none arrived in time or the stream is closed. */
    E poll(Duration timeout) throws InterruptedException;

    /** Events lost because the stream was full. */
    long dropped();

    @Override
    void close();
}
