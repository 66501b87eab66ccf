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
    public static final int DEFAULT_CAPACITY = 1024;

    public enum Mode { INLINE, BUFFERED }

    public Delivery {
        Objects.requireNonNull(mode, "mode");
        if (mode == Mode.BUFFERED && capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
    }

    public static Delivery inline() {
        return new Delivery(Mode.INLINE, 0);
    }

    public static Delivery buffered(int capacity) {
        return new Delivery(Mode.BUFFERED, capacity);
    }

    public static Delivery buffered() {
        return buffered(DEFAULT_CAPACITY);
    }
}
