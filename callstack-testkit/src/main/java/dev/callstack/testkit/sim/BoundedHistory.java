package dev.callstack.testkit.sim;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;

/**
 * The newest {@code capacity} entries of something the simulator records, oldest dropped first: a simulator left
 * running for days (the server's {@code --modem simulator} demo) must not keep every line it ever saw.
 *
 * <p>Thread-safe.
 */
final class BoundedHistory<T> {
    private final int capacity;
    private final ArrayDeque<T> entries = new ArrayDeque<>();
    private long dropped;

    BoundedHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    synchronized void add(T entry) {
        Objects.requireNonNull(entry, "entry");
        if (entries.size() == capacity) {
            entries.removeFirst();
            dropped++;
        }
        entries.addLast(entry);
    }

    /** The entries kept, oldest first. */
    synchronized List<T> snapshot() {
        return List.copyOf(entries);
    }

    /** How many entries were dropped to stay within the capacity. */
    synchronized long dropped() {
        return dropped;
    }
}
