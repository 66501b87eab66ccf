package dev.callstack.core.event;

import java.util.Objects;

/**
 * How the {@link EventBus} calls a subscriber.
 *
 * <ul>
 *   <li>{@link #buffered(int)}: the publisher only offers to the subscriber's own bounded buffer; a dispatcher thread
 *       calls the handler. When the buffer is full the oldest event is dropped and counted. A slow handler delays
 *       nobody but itself.</li>
 *   <li>{@link #inline()}: the handler runs on the publishing thread before {@code publish} returns. Nothing is ever
 *       dropped, so the handler must never block (the realtime hub and metrics are such handlers).</li>
 * </ul>
 */
public record Delivery(Mode mode, int capacity) {
    /** Events buffered per subscriber by {@link #buffered()}. */
    public static final int DEFAULT_CAPACITY = 1024;

    /** Where a handler runs. */
    public enum Mode {
        /** On the publishing thread. */
        INLINE,
        /** On a bus dispatcher thread, through a bounded buffer. */
        BUFFERED
    }

    /**
     * Validates: a buffered delivery needs a capacity of at least 1.
     *
     * @param mode where the handler runs; not null
     * @param capacity events buffered for a {@link Mode#BUFFERED} subscriber, at least 1; ignored for inline
     */
    public Delivery {
        Objects.requireNonNull(mode, "mode");
        if (mode == Mode.BUFFERED && capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
    }

    /**
     * The handler runs on the publishing thread and never misses an event; it must never block.
     *
     * @return an inline delivery
     */
    public static Delivery inline() {
        return new Delivery(Mode.INLINE, 0);
    }

    /**
     * The handler runs on a dispatcher thread behind a drop-oldest buffer of {@code capacity} events.
     *
     * @param capacity events held for the subscriber before the oldest is dropped; at least 1
     * @return a buffered delivery
     */
    public static Delivery buffered(int capacity) {
        return new Delivery(Mode.BUFFERED, capacity);
    }

    /**
     * {@link #buffered(int)} with {@link #DEFAULT_CAPACITY}.
     *
     * @return a buffered delivery of {@value #DEFAULT_CAPACITY} events
     */
    public static Delivery buffered() {
        return buffered(DEFAULT_CAPACITY);
    }
}
