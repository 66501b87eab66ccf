package dev.callstack.realtime;

import java.util.ArrayDeque;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One registered client of a {@link RealtimeHub}: its bounded drop-oldest queue, its pending overflow count and the
 * drain that moves messages to its {@link ClientSink}.
 *
 * <p>Publishers only offer; whoever offers, registers or reports writability may end up draining, but the
 * {@code draining} flag lets exactly one thread own the sink at a time, and {@code recheck} makes that owner look at
 * writability again instead of missing a change that came while it was busy. So the sink sees messages in order and
 * never from two threads at once. When nothing is queued and nobody drains, an offer to a writable sink hands the
 * event straight over (the common case of a keeping-up client costs two short lock holds, no queue traffic).
 *
 * <p>A resuming client drains in three stages: hello, then its {@link Replay} (stored events, read off the caller's
 * thread in pages that call {@link #writabilityChanged()} when they arrive), then the queue, where live events waited
 * meanwhile. The direct hand-over is off until the replay is done, so a live event never overtakes a stored one.
 *
 * <p>Thread-safe.
 */
public final class ClientHandle implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ClientHandle.class);

    static final int CLOSE_GOING_AWAY = 1001;
    static final String REASON_SHUTDOWN = "server shutting down";
    static final int CLOSE_SLOW_CONSUMER = 4008;
    static final String REASON_SLOW_CONSUMER = "slow consumer";
    static final int CLOSE_INTERNAL_ERROR = 1011;
    static final String REASON_INTERNAL_ERROR = "internal error";

    private final RealtimeHub hub;
    private final ClientSink sink;
    private final EventSelection selection;
    private final View view;
    /** A copy of the selection's bits, so the fan-out's per-client check touches only this object. */
    private final int selectionMask;
    private final int capacity;

    // Guarded by this. The queue is created on the first event that has to wait (a client that keeps up never needs
    // one) and let go on release.
    private ArrayDeque<EncodedMessage> queue;
    private EncodedMessage hello;
    /** Stored events still to send before the live queue, for a client that resumed with {@code since}. */
    private Replay replay;
    private long unreportedDrops;
    private long droppedTotal;
    private boolean full;
    private long fullSinceNanos;
    private boolean draining;
    private boolean recheck;

    private volatile boolean closed;

    ClientHandle(RealtimeHub hub, ClientSink sink, EventSelection selection, View view, int capacity,
                 EncodedMessage hello) {
        this(hub, sink, selection, view, capacity, hello, null);
    }

    /** A client whose stream starts with {@code replay} (when not null): hello, stored events, then live ones. */
    ClientHandle(RealtimeHub hub, ClientSink sink, EventSelection selection, View view, int capacity,
                 EncodedMessage hello, Replay replay) {
        this.replay = replay;
        this.hub = Objects.requireNonNull(hub, "hub");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.selection = Objects.requireNonNull(selection, "selection");
        this.view = Objects.requireNonNull(view, "view");
        this.selectionMask = selection.mask();
        this.capacity = capacity;
        this.hello = Objects.requireNonNull(hello, "hello");
    }

    /** The transport calls this when the sink became writable again; drains while it stays writable. */
    public void writabilityChanged() {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (draining) {
                recheck = true;
                return;
            }
            draining = true;
        }
        drainLoop();
    }

    /**
     * Events this client lost since it registered (queue overflow, or an event that could not be encoded).
     *
     * @return the running total
     */
    public synchronized long dropped() {
        return droppedTotal;
    }

    /**
     * The sink's opaque id, for logs and metrics.
     *
     * @return {@link ClientSink#connectionId()}
     */
    public String connectionId() {
        return sink.connectionId();
    }

    ClientSink sink() {
        return sink;
    }

    /**
     * The events this client asked for.
     *
     * @return the selection it registered with
     */
    public EventSelection selection() {
        return selection;
    }

    /**
     * Whether this client gets redacted or full content.
     *
     * @return the view it registered with
     */
    public View view() {
        return view;
    }

    /**
     * Whether the client still receives messages.
     *
     * @return false once it was released, closed by the hub (slow consumer, shutdown) or the hub was closed
     */
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
        return (selectionMask & (1 << eventIndex)) != 0;
    }

    /**
     * Hands an event over: straight to the sink when it is writable and nothing is ahead of it, else into the queue
     * (drop-oldest when full, then the slow-consumer rules), draining if the sink is writable.
     */
    void offer(EncodedMessage event) {
        boolean writable = sinkWritable();
        if (closed) {
            return;
        }
        boolean direct = false;
        boolean drain = false;
        boolean slow = false;
        boolean someoneDrains;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (writable && !draining && hello == null && replay == null && unreportedDrops == 0
                    && (queue == null || queue.isEmpty())) {
                draining = true;
                direct = true;
            } else {
                slow = enqueue(event);
                if (writable && !draining) {
                    draining = true;
                    drain = true;
                }
            }
            someoneDrains = draining;
        }
        if (slow) {
            log.warn("Realtime client {} closed as slow consumer after {} dropped events",
                    sink.connectionId(), dropped());
            closeWith(CLOSE_SLOW_CONSUMER, REASON_SLOW_CONSUMER);
            return;
        }
        if (direct) {
            if (!send(null, event)) {
                return;
            }
            hub.countSent(1);
            drainLoop();
        } else if (drain) {
            drainLoop();
        } else if (!someoneDrains) {
            // The sink may have turned writable after we looked and before the event was queued, with its
            // writabilityChanged() finding nothing to do: look once more so the event cannot sit there unnoticed.
            if (sinkWritable()) {
                writabilityChanged();
            }
        }
    }

    /** The sink's writability; a sink that throws is failed (closed with 1011) and reported as not writable. */
    private boolean sinkWritable() {
        try {
            return sink.isWritable();
        } catch (RuntimeException failure) {
            fail(failure);
            return false;
        }
    }

    /** Appends under the lock, dropping the oldest when full; true when that makes the client a slow consumer. */
    private boolean enqueue(EncodedMessage event) {
        boolean slow = false;
        if (queue == null) {
            queue = new ArrayDeque<>(Math.min(capacity, 16));
        }
        if (queue.size() == capacity) {
            queue.pollFirst();
            droppedTotal++;
            unreportedDrops++;
            hub.countDropped();
            slow = hub.slowConsumers().isSlow(droppedTotal, full ? fullSinceNanos : Long.MIN_VALUE);
        }
        queue.addLast(event);
        if (!full && queue.size() == capacity) {
            full = true;
            fullSinceNanos = hub.slowConsumers().nanoTimeIfNeeded();
        }
        return slow;
    }

    /** Counts an event this client should have had but that could not be encoded; reported like an overflow. */
    void lose() {
        synchronized (this) {
            if (closed) {
                return;
            }
            droppedTotal++;
            unreportedDrops++;
            hub.countDropped();
        }
    }

    /** Messages waiting for this client (the pending hello included); 0 once released. */
    synchronized int pending() {
        return (queue == null ? 0 : queue.size()) + (hello == null ? 0 : 1);
    }

    /** True once closed and the queue has been let go. */
    synchronized boolean isReleased() {
        return closed && queue == null && hello == null;
    }

    /** Sends while the sink is writable and messages wait; the caller owns {@code draining}, this releases it. */
    private void drainLoop() {
        long sentEvents = 0;
        try {
            while (true) {
                boolean writable = sinkWritable(); // a failing sink is closed here, seen as closed below
                EncodedMessage notice = null;
                EncodedMessage next = null;
                boolean isEvent = false;
                Replay reading = null;
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                    if (writable) {
                        if (hello != null) {
                            next = hello;
                            hello = null;
                        } else if (replay != null) {
                            // Live events wait in the queue (drop-oldest as always) until the stored ones are out.
                            if (replay.failed()) {
                                reading = replay;
                            } else if (replay.done()) {
                                replay = null;
                                continue;
                            } else {
                                next = replay.poll();
                                isEvent = next != null;
                                if (next == null || replay.wantsMore()) {
                                    reading = replay;
                                }
                            }
                        } else {
                            next = queue == null ? null : queue.pollFirst();
                            if (next != null) {
                                isEvent = true;
                                full = false;
                                if (unreportedDrops > 0) {
                                    notice = hub.overflowNotice(unreportedDrops);
                                    unreportedDrops = 0;
                                }
                            }
                        }
                    }
                    if (next == null) {
                        if (recheck && reading == null) {
                            recheck = false;
                            continue;
                        }
                        draining = false;
                    }
                }
                if (reading != null && !readMore(reading)) {
                    return;
                }
                if (next == null) {
                    return;
                }
                if (!send(notice, next)) {
                    return;
                }
                if (isEvent) {
                    sentEvents++;
                }
            }
        } finally {
            if (sentEvents > 0) {
                hub.countSent(sentEvents);
            }
        }
    }

    /**
     * Starts the replay's next journal read (it calls {@link #writabilityChanged()} when done); false, with the client
     * closed with 1011, when the replay failed or could not be scheduled: a stream with a hole must not go on.
     */
    private boolean readMore(Replay reading) {
        if (!reading.failed() && reading.fetch(this::writabilityChanged)) {
            return true;
        }
        log.warn("Realtime client {} closed: its replay could not read the journal", sink.connectionId());
        closeWith(CLOSE_INTERNAL_ERROR, REASON_INTERNAL_ERROR);
        return false;
    }

    /** Sends an optional overflow notice and a message; false (and the client closed) when the sink failed. */
    private boolean send(EncodedMessage notice, EncodedMessage message) {
        try {
            if (notice != null) {
                sink.send(notice);
            }
            sink.send(message);
            return true;
        } catch (RuntimeException failure) {
            fail(failure);
            return false;
        }
    }

    private void fail(RuntimeException failure) {
        // The exception text may come from the transport and is not ours to log; its class is enough.
        log.warn("Realtime client {} sink failed, closing: {}", sink.connectionId(), failure.getClass().getName());
        closeWith(CLOSE_INTERNAL_ERROR, REASON_INTERNAL_ERROR);
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
            replay = null;
        }
        hub.unregister(this);
        return true;
    }

    @Override
    public String toString() {
        return "ClientHandle[" + sink.connectionId() + "]";
    }
}
