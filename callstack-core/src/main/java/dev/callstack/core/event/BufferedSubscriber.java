package dev.callstack.core.event;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Queues events in a bounded buffer (drop-oldest, counted) and drains it on a dispatcher thread, one drain at a
 * time, so the handler sees events in publish order and never concurrently.
 *
 * <p>Thread-safe: offers come from any publisher, the drain runs on one dispatcher thread at a time.
 */
final class BufferedSubscriber<E extends ModemEvent> extends Subscriber<E> {
    private final Consumer<? super E> handler;
    private final EventBus.ErrorHandler errorHandler;
    private final Executor dispatcher;
    /** Also the lock guarding {@code draining}. */
    private final DropOldestQueue<E> buffer;
    private boolean draining;

    BufferedSubscriber(EventBus bus, Class<E> type, Consumer<? super E> handler, EventBus.ErrorHandler errorHandler,
                       int capacity, Executor dispatcher) {
        super(bus, type);
        this.handler = Objects.requireNonNull(handler, "handler");
        this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.buffer = new DropOldestQueue<>(capacity);
    }

    @Override
    void accept(E event) {
        boolean startDrain;
        synchronized (buffer) {
            // A publisher that passed offer()'s check just before close() must not refill the cleared buffer.
            if (!isActive()) {
                return;
            }
            buffer.add(event);
            startDrain = !draining;
            draining = true;
        }
        if (startDrain) {
            try {
                dispatcher.execute(this::drain);
            } catch (RejectedExecutionException busClosed) {
                close();
            }
        }
    }

    private void drain() {
        while (isActive()) {
            E next;
            synchronized (buffer) {
                next = buffer.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            Dispatch.call(handler, next, errorHandler);
        }
    }

    @Override
    void onClose() {
        synchronized (buffer) {
            buffer.clear();
        }
    }

    @Override
    public long dropped() {
        synchronized (buffer) {
            return buffer.dropped();
        }
    }
}
