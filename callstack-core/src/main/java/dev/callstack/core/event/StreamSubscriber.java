package dev.callstack.core.event;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** A bounded, drop-oldest queue filled by publishers and drained by {@link #poll}. Thread-safe. */
final class StreamSubscriber<E extends ModemEvent> extends Subscriber<E> implements EventStream<E> {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final DropOldestQueue<E> queue;

    StreamSubscriber(EventBus bus, Class<E> type, int capacity) {
        super(bus, type);
        this.queue = new DropOldestQueue<>(capacity);
    }

    @Override
    void accept(E event) {
        lock.lock();
        try {
            // A publisher that passed offer()'s check just before close() must not refill the cleared queue.
            if (!isActive()) {
                return;
            }
            queue.add(event);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public E poll(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        long remaining = saturatedNanos(timeout);
        lock.lock();
        try {
            while (queue.isEmpty()) {
                if (!isActive() || remaining <= 0) {
                    return null;
                }
                remaining = notEmpty.awaitNanos(remaining);
            }
            return queue.poll();
        } finally {
            lock.unlock();
        }
    }

    /** Duration.toNanos() throws beyond ~292 years; such a timeout simply means "wait as long as it takes". */
    private static long saturatedNanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException overflow) {
            return timeout.isNegative() ? 0 : Long.MAX_VALUE;
        }
    }

    @Override
    void onClose() {
        lock.lock();
        try {
            queue.clear();
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long dropped() {
        lock.lock();
        try {
            return queue.dropped();
        } finally {
            lock.unlock();
        }
    }
}
