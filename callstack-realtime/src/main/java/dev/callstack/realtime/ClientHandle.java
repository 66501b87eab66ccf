package dev.callstack.realtime;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One registered client of a {@link RealtimeHub}: its bounded drop-oldest queue, its pending overflow count and the
 * drain that moves messages to its {@link ClientSink}.
 *
 * <p>Publishers only offer to the queue; whoever offers, registers or reports writability may end up draining, but a
 * work-in-progress counter lets exactly one thread drain at a time and makes it loop until no request is missed, so
 * the sink sees messages in order and never from two threads at once.
 *
 * <p>Thread-safe.
 */
public final class ClientHandle implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ClientHandle.class);

    static final int CLOSE_GOING_AWAY = 1001;
    static final String REASON_SHUTDOWN = "server shutting down";
    static final int CLOSE_SLOW_CONSUMER = 4008;
    static final String REASON_SLOW_CONSUMER = "slow consumer";

    private final RealtimeHub hub;
    private final ClientSink sink;
    private final EventSelection selection;
    private final View view;
    private final int capacity;
    private final AtomicInteger drainRequests = new AtomicInteger();

    // Guarded by this.
    private ArrayDeque<EncodedMessage> queue;
    private EncodedMessage hello;
    private long unreportedDrops;
    private long droppedTotal;
    private boolean full;
    private long fullSinceNanos;

    private volatile boolean closed;

    ClientHandle(RealtimeHub hub, ClientSink sink, EventSelection selection, View view, int capacity,
                 EncodedMessage hello) {
        this.hub = Objects.requireNonNull(hub, "hub");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.selection = Objects.requireNonNull(selection, "selection");
        this.view = Objects.requireNonNull(view, "view");
        this.capacity = capacity;
        this.hello = Objects.requireNonNull(hello, "hello");
        this.queue = new ArrayDeque<>(Math.min(capacity, 16));
    }

    /** The transport calls this when the sink became writable again; drains while it stays writable. */
    public void writabilityChanged() {
        drain();
    }

    /** Events this client lost to overflow since it registered. */
    public synchronized long dropped() {
        return droppedTotal;
    }

    public String connectionId() {
        return sink.connectionId();
    }

    public EventSelection selection() {
        return selection;
    }

    public View view() {
        return view;
    }

    public boolean isOpen() {
        return !closed;
    }

    /**
     * Releases the client: leaves the hub, drops its queue. For the transport when the connection went away; does not
     * call {@link ClientSink#close}. Idempotent.
     */
    @Override
    public void close() {
        release();
    }

    /** Closes the sink with {@code code} and {@code reason}, then releases; once only. */
    void closeWith(int code, String reason) {
        if (release()) {
            try {
                sink.close(code, reason);
            } catch (RuntimeException failure) {
                log.warn("Realtime client {} failed to close: {}", sink.connectionId(), failure.getClass().getName());
            }
        }
    }

    boolean accepts(int eventIndex) {
        return selection.includesIndex(eventIndex);
    }

    /** Queues an event (drop-oldest when full), applies the slow-consumer rules, then drains if possible. */
    void offer(EncodedMessage event) {
        boolean slow = false;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (queue.size() == capacity) {
                queue.pollFirst();
                droppedTotal++;
                unreportedDrops++;
                hub.countDropped();
                slow = hub.isSlowConsumer(droppedTotal, full ? fullSinceNanos : Long.MIN_VALUE);
            }
            queue.addLast(event);
            if (!full && queue.size() == capacity) {
                full = true;
                fullSinceNanos = hub.nanoTimeIfNeeded();
            }
        }
        if (slow) {
            log.warn("Realtime client {} closed as slow consumer after {} dropped events",
                    sink.connectionId(), dropped());
            closeWith(CLOSE_SLOW_CONSUMER, REASON_SLOW_CONSUMER);
            return;
        }
        drain();
    }

    /** Messages waiting for this client (the pending hello included); 0 once released. */
    synchronized int pending() {
        if (queue == null) {
            return 0;
        }
        return queue.size() + (hello == null ? 0 : 1);
    }

    /** True once the queue has been let go. */
    synchronized boolean isReleased() {
        return queue == null;
    }

    private void drain() {
        if (drainRequests.getAndIncrement() != 0) {
            return; // the thread that is draining will loop once more and see what we came for
        }
        int missed = 1;
        do {
            drainWhileWritable();
            missed = drainRequests.addAndGet(-missed);
        } while (missed != 0);
    }

    private void drainWhileWritable() {
        while (!closed) {
            EncodedMessage notice = null;
            EncodedMessage next;
            boolean isEvent;
            try {
                if (!sink.isWritable()) {
                    return;
                }
            } catch (RuntimeException failure) {
                fail(failure);
                return;
            }
            synchronized (this) {
                if (closed) {
                    return;
                }
                if (hello != null) {
                    next = hello;
                    hello = null;
                    isEvent = false;
                } else {
                    next = queue.pollFirst();
                    if (next == null) {
                        return;
                    }
                    isEvent = true;
                    full = false;
                    if (unreportedDrops > 0) {
                        notice = hub.overflowNotice(unreportedDrops);
                        unreportedDrops = 0;
                    }
                }
            }
            try {
                if (notice != null) {
                    sink.send(notice);
                }
                sink.send(next);
            } catch (RuntimeException failure) {
                fail(failure);
                return;
            }
            if (isEvent) {
                hub.countSent();
            }
        }
    }

    private void fail(RuntimeException failure) {
        // The exception text may come from the transport and is not ours to log; its class is enough.
        log.warn("Realtime client {} sink failed, closing: {}", sink.connectionId(), failure.getClass().getName());
        closeWith(CLOSE_GOING_AWAY, "internal error");
    }

    /** Marks closed, frees the queue and leaves the hub; true only for the call that did it. */
    private boolean release() {
        synchronized (this) {
            if (closed) {
                return false;
            }
            closed = true;
            queue = null;
            hello = null;
        }
        hub.unregister(this);
        return true;
    }

    @Override
    public String toString() {
        return "ClientHandle[" + sink.connectionId() + "]";
    }
}
