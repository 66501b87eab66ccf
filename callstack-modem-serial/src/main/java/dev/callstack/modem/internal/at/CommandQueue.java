package dev.callstack.modem.internal.at;

import dev.callstack.core.CallstackException;
import java.util.ArrayDeque;

/**
 * The commands waiting behind the one in flight: bounded, first in first out, and a command put back (to let a
 * resync probe go first) is next again. Not thread-safe; confined to the executor's engine thread.
 */
final class CommandQueue {
    private final ArrayDeque<PendingCommand> waiting = new ArrayDeque<>();
    private final int capacity;

    /** {@code capacity} is checked by the executor, which names it {@code maxQueued}. */
    CommandQueue(int capacity) {
        this.capacity = capacity;
    }

    int capacity() {
        return capacity;
    }

    /** Adds {@code pending} last; false (and nothing added) when the queue is full. */
    boolean offer(PendingCommand pending) {
        if (waiting.size() >= capacity) {
            return false;
        }
        waiting.add(pending);
        return true;
    }

    /** The next command, or null when none waits. */
    PendingCommand poll() {
        return waiting.poll();
    }

    /** Puts {@code pending} back at the head: it goes next. */
    void putBack(PendingCommand pending) {
        waiting.addFirst(pending);
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    /** Fails every waiting command with {@code cause} and empties the queue. */
    void failAll(CallstackException cause) {
        PendingCommand p;
        while ((p = waiting.poll()) != null) {
            p.future.completeExceptionally(cause);
        }
    }
}
