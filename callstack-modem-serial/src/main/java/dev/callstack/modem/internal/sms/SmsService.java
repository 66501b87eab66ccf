package dev.callstack.modem.internal.sms;

import dev.callstack.core.CallstackException;
import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.ModemUnavailableException;
import dev.callstack.core.OutgoingSms;
import dev.callstack.core.SmsSendResult;
import dev.callstack.core.SmsApi;
import dev.callstack.core.StoredDeliveryReport;
import dev.callstack.core.StoredSms;
import dev.callstack.core.store.MessageStore;
import dev.callstack.core.store.MessageStoreException;
import dev.callstack.modem.internal.ModemContext;
import dev.callstack.modem.internal.SmsModule;
import dev.callstack.modem.pdu.SubmitPdu;
import dev.callstack.modem.internal.urc.SmsUrc;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS service behind {@code SerialModem.sms()}: PDU-mode init and a storage sweep on every connect, sends one
 * message at a time, inbound messages and status reports from all four notifications ({@code +CMTI}, {@code +CMT},
 * {@code +CDSI}, {@code +CDS}), multipart reassembly and report correlation, all through the {@link MessageStore}.
 *
 * <p>Two threads of its own: the inbound thread (init, sweep, reads, deletes, reassembly timeouts — one thing at a
 * time, so the storage selection is never contended) and the send thread (one message at a time). Notifications
 * from the engine thread are only queued. Events are published after the store committed.
 *
 * <p>Inbound queue overflow (the engine thread never waits): a {@code +CMTI}/{@code +CDSI} turned away leaves its
 * message on the modem, and a catch-up sweep runs as soon as the queue has drained (or at the next maintenance
 * tick). A {@code +CMT}/{@code +CDS} turned away existed only in memory: it is not stored and not acknowledged, so
 * where the modem requires {@code AT+CNMA} the network delivers it again; the catch-up re-runs the init first,
 * because a modem whose acknowledgement timed out may have switched {@code +CNMI} routing off (3GPP TS 27.005
 * 3.4.1). Where the modem takes no acknowledgement the message is lost, and logged as such. Both are counted
 * ({@link #droppedNotifications()}).
 *
 * <p>Thread-safe.
 */
public final class SmsService implements SmsModule, SmsApi {
    private static final Logger log = LoggerFactory.getLogger(SmsService.class);
    private static final int MAX_QUEUED_INBOUND = 1024;
    private static final Duration CONNECT_WAIT = Duration.ofMinutes(5);
    private static final AtomicInteger IDS = new AtomicInteger();

    private final ModemContext context;
    private final MessageStore store;
    private final boolean ownsStore;
    private final SmsCounters counters = new SmsCounters();
    private final ThreadPoolExecutor inbound;
    private final ThreadPoolExecutor outbound;
    private final Executor callbacks;
    private final SmsInitializer initializer;
    private final ModemStorage storage;
    private final AnnouncedSlotReader announced;
    private final StorageSweeper sweeper;
    private final DirectDeliveryHandler direct;
    private final MultipartAssembler multipart;
    private final SmsSender sender;
    private final ScheduledFuture<?> maintenance;
    private final Duration initWait;
    private final Duration fingerprintRetention;
    // Written on the inbound thread, read there too; volatile for the rare reader elsewhere (logs, tests).
    private volatile SmsModemSetup setup = new SmsModemSetup(true, ModemStorage.DEFAULT, List.of(ModemStorage.DEFAULT));
    private volatile boolean closed;
    // Set on the engine thread when the inbound queue turned a notification away; cleared by the catch-up.
    private final AtomicBoolean catchUpNeeded = new AtomicBoolean();
    private final AtomicBoolean routingMayBeOff = new AtomicBoolean();
    private final AtomicBoolean initDeferred = new AtomicBoolean();
    // Completed when the SMS init of the current connection has run; replaced on every disconnect. Sends wait
    // for it: ModemConnected (and so "ready") comes before onConnected() has switched the modem to PDU mode.
    private volatile CompletableFuture<Void> initialised = new CompletableFuture<>();

    /**
     * @param ownsStore close {@code store} with the service (a store the service made itself)
     */
    public SmsService(ModemContext context, MessageStore store, boolean ownsStore, SmsSettings settings) {
        this(context, store, ownsStore, settings, MAX_QUEUED_INBOUND);
    }

    /** @param inboundQueue notifications that may wait for the inbound thread; more are turned away (tests) */
    SmsService(ModemContext context, MessageStore store, boolean ownsStore, SmsSettings settings, int inboundQueue) {
        this.context = Objects.requireNonNull(context, "context");
        this.store = Objects.requireNonNull(store, "store");
        this.ownsStore = ownsStore;
        Objects.requireNonNull(settings, "settings");
        int id = IDS.incrementAndGet();
        this.inbound = singleThread("callstack-sms-in-" + id, inboundQueue);
        this.outbound = singleThread("callstack-sms-out-" + id, settings.maxQueuedSends());
        this.callbacks = context.callbacks();
        this.initWait = settings.sendTimeout();
        this.fingerprintRetention = settings.fingerprintRetention();
        BlockingAt at = new BlockingAt(context.at());
        this.initializer = new SmsInitializer(at);
        this.storage = new ModemStorage(at);
        this.multipart = new MultipartAssembler(store, context.events(), context.clock(),
                settings.reassemblyTimeout(), settings.maxOpenGroups(), counters);
        // A report waits at most as long as the engine lets one AT+CMGS take; a stuck send must not stall inbound.
        SendsInFlight sendsInFlight = new SendsInFlight(settings.sendTimeout());
        DeliveryReportCorrelator reports = new DeliveryReportCorrelator(store, context.events(), context.clock(),
                counters, sendsInFlight);
        InboundSmsReceiver receiver = new InboundSmsReceiver(store, context.events(), context.clock(), multipart,
                reports, counters);
        SlotProcessor slots = new SlotProcessor(receiver, storage);
        this.announced = new AnnouncedSlotReader(storage, slots);
        this.sweeper = new StorageSweeper(storage, slots);
        this.direct = new DirectDeliveryHandler(receiver, at);
        this.sender = new SmsSender(at, store, context.events(), context.clock(), context.ready(),
                settings.sendTimeout(), sendsInFlight);
        long every = settings.maintenanceInterval().toNanos();
        this.maintenance = context.scheduler().scheduleWithFixedDelay(() -> runInbound("maintenance", () -> {
            maintain();
            catchUpIfDue();
        }), every, every, TimeUnit.NANOSECONDS);
    }

    // ---- SmsModule ----------------------------------------------------------------------------------------

    @Override
    public SmsApi api() {
        return this;
    }

    @Override
    public void onSmsUrc(SmsUrc urc) {
        Objects.requireNonNull(urc, "urc");
        if (urc instanceof SmsUrc.NewMessage m) {
            if (!runInbound("+CMTI", () -> {
                if (initialisedNow()) {
                    announced.onNewMessage(m.storage(), m.index());
                }
            })) {
                announcedDropped("+CMTI", m.storage(), m.index());
            }
        } else if (urc instanceof SmsUrc.StatusReportStored r) {
            if (!runInbound("+CDSI", () -> {
                if (initialisedNow()) {
                    announced.onStoredReport(r.storage(), r.index());
                }
            })) {
                announcedDropped("+CDSI", r.storage(), r.index());
            }
        } else if (urc instanceof SmsUrc.DirectMessage d) {
            if (!runInbound("+CMT", () -> direct.onDirect(d.pduHex(), PduSource.DIRECT_MESSAGE,
                    setup.ackRequired()))) {
                directDropped("+CMT");
            }
        } else if (urc instanceof SmsUrc.DirectStatusReport d) {
            if (!runInbound("+CDS", () -> direct.onDirect(d.pduHex(), PduSource.DIRECT_REPORT,
                    setup.ackRequired()))) {
                directDropped("+CDS");
            }
        }
    }

    @Override
    public void onConnected() {
        CompletableFuture<Void> gate = initialised;
        Future<?> done;
        try {
            done = inbound.submit(() -> {
                boolean pduMode = false;
                try {
                    pduMode = connected();
                } finally {
                    openGate(gate, pduMode);
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

    @Override
    public void onDisconnected(String reason) {
        CompletableFuture<Void> previous = initialised;
        initialised = new CompletableFuture<>();
        // Sends waiting for an init that will not finish fail now rather than at their timeout.
        previous.completeExceptionally(new ModemUnavailableException("modem disconnected"));
        // Pending commands have failed already; what was on the modem is found again by the next sweep.
        log.debug("SMS service: modem disconnected; {}", counters);
    }

    /** Stops the service's threads; closes the store when the service made it. */
    @Override
    public void close() {
        closed = true;
        initialised.complete(null);
        maintenance.cancel(false);
        inbound.shutdown();
        outbound.shutdown();
        try {
            if (!outbound.awaitTermination(2, TimeUnit.SECONDS)) {
                abandon(outbound.shutdownNow());
            }
            if (!inbound.awaitTermination(2, TimeUnit.SECONDS)) {
                inbound.shutdownNow();
            }
        } catch (InterruptedException e) {
            abandon(outbound.shutdownNow());
            inbound.shutdownNow();
            Thread.currentThread().interrupt();
        }
        if (ownsStore) {
            store.close();
        }
    }

    // ---- SmsApi -------------------------------------------------------------------------------------------

    @Override
    public CompletableFuture<SmsSendResult> send(OutgoingSms sms) {
        Objects.requireNonNull(sms, "sms");
        List<SubmitPdu> pdus;
        try {
            pdus = sender.encode(sms);
        } catch (InvalidRequestException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (closed) {
            return CompletableFuture.failedFuture(new ModemUnavailableException("modem closed"));
        }
        if (!context.ready().getAsBoolean()) {
            return CompletableFuture.failedFuture(new ModemUnavailableException("modem not connected"));
        }
        CompletableFuture<SmsSendResult> result = new CompletableFuture<>();
        try {
            outbound.execute(new SendTask(sms, pdus, result));
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new ModemUnavailableException(
                    closed ? "modem closed" : "too many SMS waiting to be sent"));
        }
        return result;
    }

    @Override
    public List<StoredSms> received(int limit, OptionalLong beforeId) {
        checkLimit(limit);
        Objects.requireNonNull(beforeId, "beforeId");
        try {
            return store.received(limit, beforeId);
        } catch (MessageStoreException e) {
            throw new ModemUnavailableException("SMS store unavailable", e);
        }
    }

    @Override
    public List<StoredDeliveryReport> deliveryReports(int limit) {
        checkLimit(limit);
        try {
            return store.deliveryReports(limit);
        } catch (MessageStoreException e) {
            throw new ModemUnavailableException("SMS store unavailable", e);
        }
    }

    // ---- internals ----------------------------------------------------------------------------------------

    /** Inbound outcome counts (tests, diagnostics). */
    SmsCounters counters() {
        return counters;
    }

    /**
     * How many SMS notifications ({@code +CMTI}, {@code +CDSI}, {@code +CMT}, {@code +CDS}) a full inbound queue
     * turned away since the service started. See the class comment for what became of them.
     */
    public long droppedNotifications() {
        return counters.droppedDirect.get() + counters.droppedAnnounced.get();
    }

    /** On the engine thread: the message stays in the modem's storage; the catch-up sweep reads it. */
    private void announcedDropped(String what, String memory, int index) {
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
    private void directDropped(String what) {
        if (closed) {
            return;
        }
        long dropped = counters.droppedDirect.incrementAndGet();
        boolean firstOfOverflow = catchUpNeeded.compareAndSet(false, true);
        if (setup.ackRequired()) {
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

    /**
     * On the inbound thread, once notifications were turned away: sweeps the storages for what they announced,
     * after restoring {@code +CNMI} if a withheld acknowledgement may have made the modem switch routing off. Not
     * while disconnected: the next connect sweeps anyway.
     */
    private void catchUpIfDue() {
        if (!catchUpNeeded.get() || closed) {
            return;
        }
        if (initDeferred.get() && context.ready().getAsBoolean()) {
            initDeferred.set(false);
            catchUpNeeded.set(false);
            routingMayBeOff.set(false);
            openGate(initialised, connected());
            return;
        }
        if (!initialised.isDone()) {
            return;
        }
        catchUpNeeded.set(false);
        boolean reinit = routingMayBeOff.getAndSet(false);
        log.info("SMS catch-up after an inbound queue overflow ({} stored and {} direct notifications dropped so far):"
                + " {}sweeping the modem storage", counters.droppedAnnounced.get(), counters.droppedDirect.get(),
                reinit ? "restoring message indications, " : "");
        if (reinit) {
            try {
                SmsModemSetup s = initializer.run();
                storage.assume(s.readStorage());
                setup = s;
            } catch (CallstackException e) {
                log.warn("SMS re-init failed: {}", e.getClass().getSimpleName());
            }
        }
        try {
            sweeper.sweep(setup.sweep());
        } catch (CallstackException e) {
            catchUpNeeded.set(true);
            log.warn("SMS catch-up sweep failed: {}; retried at the next maintenance", e.getClass().getSimpleName());
        }
    }

    /** On the send thread: waits (bounded) until the SMS init of this connection ran. */
    private void awaitInitialised() {
        if (!context.ready().getAsBoolean()) {
            throw new ModemUnavailableException("modem not connected");
        }
        try {
            initialised.get(initWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new ModemUnavailableException("SMS service not initialised");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModemUnavailableException("interrupted while waiting for the SMS service");
        }
    }

    /**
     * On the inbound thread. A stored-message notification handled before the init would read in whatever mode the
     * modem is in; it is left for the sweep that follows the init instead.
     */
    private boolean initialisedNow() {
        if (initialised.isDone()) {
            return true;
        }
        log.debug("Notification before SMS init; the init sweep will handle it");
        return false;
    }

    /**
     * Lets this connection's sends go ahead, or fails them when the modem did not take PDU mode: in text mode
     * {@code AT+CMGS=<length>} would send the PDU as text to the number {@code <length>}. A hook that ran after its
     * connection dropped leaves the gate alone, since {@link #onDisconnected} may already have put the next
     * connection's gate in place.
     */
    private void openGate(CompletableFuture<Void> gate, boolean pduMode) {
        if (!context.ready().getAsBoolean()) {
            return;
        }
        if (pduMode) {
            gate.complete(null);
        } else {
            gate.completeExceptionally(new ModemUnavailableException("SMS init failed"));
        }
    }

    /** Returns whether the modem took PDU mode. */
    private boolean connected() {
        boolean pduMode = false;
        try {
            SmsModemSetup s = initializer.run();
            storage.assume(s.readStorage());
            setup = s;
            pduMode = true;
        } catch (CallstackException e) {
            log.warn("SMS init failed: {}; sweeping with defaults, sends refused until the next connect",
                    e.getClass().getSimpleName());
        }
        maintain();
        try {
            sweeper.sweep(setup.sweep());
        } catch (CallstackException e) {
            log.warn("SMS storage sweep failed: {}", e.getClass().getSimpleName());
        }
        return pduMode;
    }

    /**
     * On connect and at every maintenance tick: full and timed-out multipart groups, then the fingerprints older
     * than {@link SmsSettings#fingerprintRetention()} (independently: a failing group must not stop the pruning).
     */
    private void maintain() {
        try {
            multipart.maintain();
        } catch (MessageStoreException e) {
            log.warn("SMS multipart maintenance failed: {}", e.getClass().getSimpleName());
        }
        try {
            int pruned = store.pruneFingerprints(context.clock().instant().minus(fingerprintRetention));
            if (pruned > 0) {
                log.debug("Pruned {} dedupe fingerprints older than {}", pruned, fingerprintRetention);
            }
        } catch (MessageStoreException e) {
            log.warn("SMS fingerprint pruning failed: {}", e.getClass().getSimpleName());
        }
    }

    /** Queues {@code task} for the inbound thread without ever waiting; false when the queue turned it away. */
    private boolean runInbound(String what, Runnable task) {
        try {
            inbound.execute(() -> {
                run(what, task);
                if (catchUpNeeded.get() && inbound.getQueue().isEmpty()) {
                    run("catch-up", this::catchUpIfDue);
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

    private static void run(String what, Runnable task) {
        try {
            task.run();
        } catch (CallstackException e) {
            // The message stays on the modem; the next sweep handles it.
            log.warn("Handling {} failed: {}", what, e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            log.error("Handling {} failed unexpectedly: {}", what, e.getClass().getName());
        }
    }

    /** Sends that close took off the queue before they ran: their callers get an answer, not a future left hanging. */
    private static void abandon(List<Runnable> neverRun) {
        for (Runnable task : neverRun) {
            if (task instanceof SendTask send) {
                send.abandon();
            }
        }
    }

    /** One queued send and the caller's future. */
    private final class SendTask implements Runnable {
        private final OutgoingSms sms;
        private final List<SubmitPdu> pdus;
        private final CompletableFuture<SmsSendResult> result;

        SendTask(OutgoingSms sms, List<SubmitPdu> pdus, CompletableFuture<SmsSendResult> result) {
            this.sms = sms;
            this.pdus = pdus;
            this.result = result;
        }

        @Override
        public void run() {
            try {
                awaitInitialised();
                SmsSendResult sent = sender.send(sms, pdus);
                callbacks.execute(() -> result.complete(sent));
            } catch (CallstackException e) {
                callbacks.execute(() -> result.completeExceptionally(e));
            } catch (RuntimeException e) {
                log.error("SMS send failed unexpectedly: {}", e.getClass().getName());
                callbacks.execute(() -> result.completeExceptionally(
                        new ModemUnavailableException("SMS send failed", e)));
            }
        }

        void abandon() {
            callbacks.execute(() -> result.completeExceptionally(new ModemUnavailableException("modem closed")));
        }
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidRequestException("limit must be 1.." + MAX_PAGE);
        }
    }

    private static ThreadPoolExecutor singleThread(String name, int queue) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queue), task -> {
                    Thread thread = new Thread(task, name);
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
