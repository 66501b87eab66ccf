package dev.callstack.core.event;

import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes {@link ModemEvent}s to subscribers of a type and its subtypes.
 *
 * <p>Which thread runs a handler: an {@link Delivery#inline() inline} handler runs on the thread that called
 * {@link #publish}; a {@link Delivery#buffered(int) buffered} handler (the default) runs on one of the bus's daemon
 * dispatcher threads ({@code callstack-events-N}), never on two threads at once, in publish order. {@code publish}
 * never blocks on a buffered subscriber and never throws because of any subscriber: a throwing handler is reported to
 * the {@link ErrorHandler} and every other subscriber still gets the event.
 *
 * <p>Thread-safe.
 */
public final class EventBus implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventBus.class);

    /** Receives a subscriber's failure; the default logs the event type and the exception class only. */
    @FunctionalInterface
    public interface ErrorHandler {
        /**
         * Called on the thread that ran the handler, with the event it was given and what it threw. Must not throw.
         *
         * @param event the event the failing handler was given
         * @param error what the handler threw
         */
        void onError(ModemEvent event, Throwable error);
    }

    private final CopyOnWriteArrayList<Subscriber<?>> subscribers = new CopyOnWriteArrayList<>();
    private final ErrorHandler errorHandler;
    private final ExecutorService dispatcher;
    private volatile boolean closed;

    /** A bus whose handler failures are logged (event type and exception class only). */
    public EventBus() {
        this(EventBus::logFailure);
    }

    /**
     * A bus that reports handler failures to {@code errorHandler}.
     *
     * @param errorHandler receives every handler failure; not null
     */
    public EventBus(ErrorHandler errorHandler) {
        this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
        // One drain task per busy subscriber at most, so a slow handler holds one thread and stalls no one else.
        this.dispatcher = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), new DaemonThreads());
    }

    /**
     * Subscribes with a buffer of {@link Delivery#DEFAULT_CAPACITY} on a dispatcher thread.
     *
     * @param <E> the event type
     * @param type the events wanted: this type and its subtypes ({@link ModemEvent} for all)
     * @param handler called once per event, on a dispatcher thread
     * @return the subscription; close it to stop
     */
    public <E extends ModemEvent> Subscription subscribe(Class<E> type, Consumer<? super E> handler) {
        return subscribe(type, handler, Delivery.buffered());
    }

    /**
     * Subscribes {@code handler} to events of {@code type} and its subtypes, delivered as {@code delivery} says.
     * Close the returned subscription to stop.
     *
     * @param <E> the event type
     * @param type the events wanted: this type and its subtypes ({@link ModemEvent} for all)
     * @param handler called once per event, on the thread {@code delivery} names
     * @param delivery inline or buffered, and the buffer size
     * @return the subscription; close it to stop
     */
    public <E extends ModemEvent> Subscription subscribe(Class<E> type, Consumer<? super E> handler,
                                                         Delivery delivery) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(delivery, "delivery");
        Subscriber<E> subscriber = delivery.mode() == Delivery.Mode.INLINE
                ? new InlineSubscriber<>(this, type, handler, errorHandler)
                : new BufferedSubscriber<>(this, type, handler, errorHandler, delivery.capacity(), dispatcher);
        return register(subscriber);
    }

    /**
     * A pull stream of events of {@code type}, holding at most {@code capacity} unread events.
     *
     * @param <E> the event type
     * @param type the events wanted: this type and its subtypes
     * @param capacity unread events kept before the oldest is dropped; at least 1
     * @return the stream; close it to unsubscribe
     */
    public <E extends ModemEvent> EventStream<E> stream(Class<E> type, int capacity) {
        Objects.requireNonNull(type, "type");
        StreamSubscriber<E> stream = new StreamSubscriber<>(this, type, capacity);
        register(stream);
        return stream;
    }

    /**
     * Delivers {@code event} to every matching subscriber; returns without waiting for buffered ones.
     *
     * @param event the event to publish; not null
     */
    public void publish(ModemEvent event) {
        Objects.requireNonNull(event, "event");
        for (Subscriber<?> subscriber : subscribers) {
            subscriber.offer(event);
        }
    }

    /**
     * Subscribers currently registered (streams included).
     *
     * @return the number of open subscriptions and streams
     */
    public int subscriberCount() {
        return subscribers.size();
    }

    /** Stops every subscription and the dispatcher threads; later publishes reach nobody. */
    @Override
    public void close() {
        closed = true;
        for (Subscriber<?> subscriber : subscribers) {
            subscriber.close();
        }
        dispatcher.shutdown();
    }

    private <S extends Subscriber<?>> S register(S subscriber) {
        subscribers.add(subscriber);
        // Checked after adding: a close() racing with this call either sees the subscriber or is seen here.
        if (closed) {
            subscriber.close();
        }
        return subscriber;
    }

    void unregister(Subscriber<?> subscriber) {
        subscribers.remove(subscriber);
    }

    private static void logFailure(ModemEvent event, Throwable error) {
        // The message may carry PII from the event, so only the types are logged.
        log.warn("Event subscriber failed on {}: {}", event.getClass().getSimpleName(), error.getClass().getName());
    }

    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger next = new AtomicInteger(1);

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "callstack-events-" + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        }
    }
}
