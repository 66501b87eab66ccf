package dev.callstack.core.event;

import java.util.ArrayDeque;

/**
 * The bus's one overflow policy, shared by buffered subscribers and pull streams: a bounded FIFO that, when full,
 * drops its oldest element and counts it, so a stalled consumer costs bounded memory and its loss is known exactly.
 *
 * <p>Not thread-safe; confined to its owner's lock.
 */
final class DropOldestQueue<E> {
    private final ArrayDeque<E> elements;
    private final int capacity;
    private long dropped;

    DropOldestQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        // Grows on demand: most consumers keep up and never need the full capacity.
        this.elements = new ArrayDeque<>(Math.min(capacity, 64));
    }

    void add(E element) {
        if (elements.size() == capacity) {
            elements.pollFirst();
            dropped++;
        }
        elements.addLast(element);
    }

    /** The oldest element, or {@code null} when empty. */
    E poll() {
        return elements.pollFirst();
    }

    boolean isEmpty() {
        return elements.isEmpty();
    }

    /** Discards what is queued without counting it as dropped (the consumer went away, nothing overflowed). */
    void clear() {
        elements.clear();
    }

    long dropped() {
        return dropped;
    }
}
