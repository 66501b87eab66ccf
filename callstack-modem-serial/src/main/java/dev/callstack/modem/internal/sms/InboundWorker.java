package dev.callstack.modem.internal.sms;

import dev.callstack.core.CallstackException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS inbound thread: init, sweep, reads, deletes, reassembly timeouts — one thing at a time, so the storage
 * selection is never contended. Notifications from the engine thread are only queued; the queue is bounded.
 *
 * <p>Inbound queue overflow (the engine thread never waits): a {@code +CMTI}/{@code +CDSI} turned away leaves its
 * message on the modem, and a catch-up sweep runs as soon as the queue has drained (or at the next maintenance
 * tick). A {@code +CMT}/{@code +CDS} turned away existed only in memory: it is not stored and not acknowledged, so
 * where the modem requires {@code AT+CNMA} the network delivers it again; the catch-up re-runs the init first,
 * because a modem whose acknowledgement timed out may have switched {@code +CNMI} routing off (3GPP TS 27.005
 * 3.4.1). Where the modem takes no acknowledgement the message is lost, and logged as such. Both are counted
 * ({@link SmsCounters#droppedAnnounced}, {@link SmsCounters#droppedDirect}).
 *
 * <p>Thread-safe: tasks may be queued from any thread; they run on the inbound thread.
 */
final class InboundWorker {
    private static final Logger log = LoggerFactory.getLogger(InboundWorker.class);
    private static final Duration CONNECT_WAIT = Duration.ofMinutes(5);

    private final ThreadPoolExecutor inbound;
    private final BooleanSupplier ready;
    private final InitGate gate;
    private final SmsConnectRoutine connection;
    private final SmsCounters counters;
    private volatile boolean closed;
    // Set on the engine thread when the inbound queue turned a notification away; cleared by the catch-up.
    private final AtomicBoolean catchUpNeeded = new AtomicBoolean();
    private final AtomicBoolean routingMayBeOff = new AtomicBoolean();
    private final AtomicBoolean initDeferred = new AtomicBoolean();
    // True while a requested sweep waits in the queue: further requests are covered by it. Cleared when it starts,
    // so a request made during a sweep queues exactly one more, which runs after it (one thread: never two at once).
    private final AtomicBoolean sweepQueued = new AtomicBoolean();

    /**
     * @param inbound    the single thread and bounded queue this worker runs on (and shuts down)
     * @param ready      true while the modem is connected
     * @param gate       opened by the connect routine's outcome
     * @param connection the init and sweep run on connect and by the catch-up
     */
    InboundWorker(ThreadPoolExecutor inbound, BooleanSupplier ready, InitGate gate, SmsConnectRoutine connection,
                  SmsCounters counters) {
        this.inbound = Objects.requireNonNull(inbound, "inbound");
        this.ready = Objects.requireNonNull(ready, "ready");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    /** On the lifecycle's worker thread: runs the connect routine on the inbound thread and waits for it (bounded). */
    void connect() {
        CompletableFuture<Void> current = gate.current();
        Future<?> done;
        try {
            done = inbound.submit(() -> {
                boolean pduMode = false;
                try {
                    pduMode = connection.connected();
                } finally {
                    gate.open(current, pduMode);
                }
            });
        } catch (RejectedExecutionException e) {
            if (!closed) {
                // Never open: the init and its sweep run with the catch-up once the queue has drained.
                initDeferred.set(true);
                catchUpNeeded.set(true);
                log.warn("SMS inbound queue full at connect ({} waiting); SMS init deferred",
                        inbound.getQueue().size());
            }
            return;
        }
        try {
            done.get(CONNECT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("SMS init did not complete: {}", e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** On the engine's scheduler: maintenance, then a catch-up if one is due. */
    void tick() {
        run("maintenance", () -> {
            connection.maintain();
            catchUpIfDue();
        });
    }

    /** Queues {@code task} for the inbound thread without ever waiting; false when the queue turned it away. */
    boolean run(String what, Runnable task) {
        try {
            inbound.execute(() -> {
                runLogged(what, task);
                if (catchUpNeeded.get() && inbound.getQueue().isEmpty()) {
                    runLogged("catch-up", this::catchUpIfDue);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            if (!closed) {
                log.debug("SMS inbound queue full; {} not queued", what);
            }
            return false;
        }
    }

    /**
     * From any thread: sweeps every storage in use on the inbound thread (periodic sweep, storage full). Never two at
     * once, and requests made while one waits are merged into it; one made during a sweep runs once after it. Not
     * before this connection's init ran (its own sweep covers that) nor while disconnected.
     */
    void requestSweep(String why) {
        if (closed || !sweepQueued.compareAndSet(false, true)) {
            return;
        }
        if (!run("sweep (" + why + ")", () -> {
            sweepQueued.set(false);
            if (!ready.getAsBoolean() || !gate.isDone()) {
                return;
            }
            log.debug("SMS storage sweep: {}", why);
            connection.sweep();
        })) {
            sweepQueued.set(false);
            catchUpNeeded.set(true);
        }
    }

    /** On the engine thread: the message stays in the modem's storage; the catch-up sweep reads it. */
    void announcedDropped(String what, String memory, int index) {
        if (closed) {
            return;
        }
        long dropped = counters.droppedAnnounced.incrementAndGet();
        String message = "SMS inbound queue full ({} waiting); {} for {} slot {} left on the modem for a catch-up"
                + " sweep ({} stored notifications dropped so far)";
        // A flood must not flood the log from the engine thread: one warning per overflow, the rest at debug.
        if (catchUpNeeded.compareAndSet(false, true)) {
            log.warn(message, inbound.getQueue().size(), what, memory, index, dropped);
        } else {
            log.debug(message, inbound.getQueue().size(), what, memory, index, dropped);
        }
    }

    /**
     * On the engine thread: the PDU was only in memory. Not storing it means not acknowledging it: where the modem
     * requires {@code AT+CNMA} the network delivers it again; otherwise it is gone.
     */
    void directDropped(String what) {
        if (closed) {
            return;
        }
        long dropped = counters.droppedDirect.incrementAndGet();
        boolean firstOfOverflow = catchUpNeeded.compareAndSet(false, true);
        if (connection.ackRequired()) {
            routingMayBeOff.set(true);
            String message = "SMS inbound queue full ({} waiting); {} dropped unacknowledged, so the network"
                    + " delivers it again ({} direct deliveries dropped so far)";
            if (firstOfOverflow) {
                log.warn(message, inbound.getQueue().size(), what, dropped);
            } else {
                log.debug(message, inbound.getQueue().size(), what, dropped);
            }
        } else {
            log.error("SMS inbound queue full ({} waiting); {} lost: this modem takes no acknowledgement, so it is"
                    + " not delivered again ({} direct deliveries dropped so far)", inbound.getQueue().size(), what,
                    dropped);
        }
    }

    /** Stops taking tasks; those queued still run. */
    void shutdown() {
        closed = true;
        inbound.shutdown();
    }

    boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return inbound.awaitTermination(timeout, unit);
    }

    void shutdownNow() {
        inbound.shutdownNow();
    }

    /**
     * On the inbound thread, once notifications were turned away: sweeps the storages for what they announced,
     * after restoring {@code +CNMI} if a withheld acknowledgement may have made the modem switch routing off. Not
     * while disconnected: the next connect sweeps anyway.
     */
    private void catchUpIfDue() {
        if (!catchUpNeeded.get() || closed) {
            return;
        }
        if (initDeferred.get() && ready.getAsBoolean()) {
            initDeferred.set(false);
            catchUpNeeded.set(false);
            routingMayBeOff.set(false);
            CompletableFuture<Void> current = gate.current();
            gate.open(current, connection.connected());
            return;
        }
        if (!gate.isDone()) {
            return;
        }
        catchUpNeeded.set(false);
        boolean reinit = routingMayBeOff.getAndSet(false);
        log.info("SMS catch-up after an inbound queue overflow ({} stored and {} direct notifications dropped so far):"
                + " {}sweeping the modem storage", counters.droppedAnnounced.get(), counters.droppedDirect.get(),
                reinit ? "restoring message indications, " : "");
        if (reinit) {
            connection.reinit();
        }
        try {
            connection.sweep();
        } catch (CallstackException e) {
            catchUpNeeded.set(true);
            log.warn("SMS catch-up sweep failed: {}; retried at the next maintenance", e.getClass().getSimpleName());
        }
    }

    private static void runLogged(String what, Runnable task) {
        try {
            task.run();
        } catch (CallstackException e) {
            // The message stays on the modem; the next sweep handles it.
            log.warn("Handling {} failed: {}", what, e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            log.error("Handling {} failed unexpectedly: {}", what, e.getClass().getName());
        }
    }
}
