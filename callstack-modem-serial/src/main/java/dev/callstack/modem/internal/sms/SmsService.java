package dev.callstack.modem.internal.sms;

import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.ModemBusyException;
import dev.callstack.core.ModemUnavailableException;
import dev.callstack.core.Outbox;
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
import dev.callstack.modem.store.OutboxStore;
import dev.callstack.modem.store.SqliteMessageStore;
import dev.callstack.modem.internal.urc.SmsUrc;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS service behind {@code SerialModem.sms()}: PDU-mode init and a storage sweep on every connect, sends one
 * message at a time, inbound messages and status reports from all four notifications ({@code +CMTI}, {@code +CMT},
 * {@code +CDSI}, {@code +CDS}), multipart reassembly and report correlation, all through the {@link MessageStore}.
 *
 * <p>This class wires the parts and routes notifications to them. Two threads of its own: the inbound thread
 * ({@link InboundWorker}: init, sweep, reads, deletes, reassembly timeouts — one thing at a time, so the storage
 * selection is never contended; it also owns the queue-overflow policy) and the send thread ({@link SendQueue}: one
 * message at a time, after the {@link InitGate} opened; the {@link OutboxDispatcher} sends outbox messages on the same
 * thread, one per task, so direct and outbox sends take turns). Notifications from the engine thread are only queued.
 * Events are published after the store committed.
 *
 * <p>Thread-safe.
 */
public final class SmsService implements SmsModule, SmsApi {
    private static final Logger log = LoggerFactory.getLogger(SmsService.class);
    private static final int MAX_QUEUED_INBOUND = 1024;
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final Duration INIT_RETRY_FIRST = Duration.ofSeconds(1);
    private static final Duration INIT_RETRY_MAX = Duration.ofSeconds(30);

    private final ModemContext context;
    private final MessageStore store;
    private final boolean ownsStore;
    private final SmsCounters counters = new SmsCounters();
    private final InitGate gate;
    private final SmsConnectRoutine connection;
    private final InboundWorker inbound;
    private final SendQueue sends;
    private final AnnouncedSlotReader announced;
    private final StorageSweeper sweeper;
    private final DirectDeliveryHandler direct;
    private final SmsSender sender;
    private final OutboxWaiters waiters;
    private final OutboxDispatcher dispatcher;
    private final SerialOutbox outbox;
    private final ScheduledFuture<?> maintenance;
    private final SmsInitRetry initRetry;
    private final ScheduledFuture<?> periodicSweep;
    private volatile boolean closed;

    /**
     * @param ownsStore close {@code store} with the service (a store the service made itself)
     */
    public SmsService(ModemContext context, MessageStore store, boolean ownsStore, SmsSettings settings) {
        this(context, store, ownsStore, settings, MAX_QUEUED_INBOUND);
    }

    /** @param inboundQueue notifications that may wait for the inbound thread; more are turned away (tests) */
    SmsService(ModemContext context, MessageStore store, boolean ownsStore, SmsSettings settings, int inboundQueue) {
        this(context, store, ownsStore, settings, inboundQueue, INIT_RETRY_FIRST, INIT_RETRY_MAX);
    }

    /**
     * @param initRetryFirst the wait before the first retry of a failed SMS init; it doubles up to {@code initRetryMax}
     *                       (tests make it long, to see {@code SMS Ready} cut it short)
     */
    SmsService(ModemContext context, MessageStore store, boolean ownsStore, SmsSettings settings, int inboundQueue,
               Duration initRetryFirst, Duration initRetryMax) {
        this(context, store, ownsStore, settings, inboundQueue, initRetryFirst, initRetryMax, () -> { });
    }

    /**
     * @param afterCmgsAnswer runs on the send thread between a part's {@code +CMGS:} answer and its record (the
     *                        kill -9 tests halt the JVM there)
     */
    SmsService(ModemContext context, MessageStore store, boolean ownsStore, SmsSettings settings, int inboundQueue,
               Duration initRetryFirst, Duration initRetryMax, Runnable afterCmgsAnswer) {
        this.context = Objects.requireNonNull(context, "context");
        this.store = Objects.requireNonNull(store, "store");
        this.ownsStore = ownsStore;
        Objects.requireNonNull(settings, "settings");
        int id = IDS.incrementAndGet();
        ThreadPoolExecutor inboundThread = singleThread("callstack-sms-in-" + id, inboundQueue);
        ThreadPoolExecutor outboundThread = singleThread("callstack-sms-out-" + id, settings.maxQueuedSends());
        this.gate = new InitGate(context.ready(), settings.sendTimeout());
        // A +CMS ERROR: 322 on any SMS command means the storage is full: sweep it at once.
        BlockingAt at = new BlockingAt(context.at(), this::memoryFull);
        SmsInitializer initializer = new SmsInitializer(at);
        ModemStorage storage = new ModemStorage(at);
        MultipartAssembler multipart = new MultipartAssembler(store, context.events(), context.clock(),
                settings.reassemblyTimeout(), settings.maxOpenGroups(), counters);
        // A report waits at most as long as the engine lets one AT+CMGS take; a stuck send must not stall inbound.
        SendsInFlight sendsInFlight = new SendsInFlight(settings.sendTimeout());
        DeliveryReportCorrelator reports = new DeliveryReportCorrelator(store, context.events(), context.clock(),
                counters, sendsInFlight);
        InboundSmsReceiver receiver = new InboundSmsReceiver(store, context.events(), context.clock(), multipart,
                reports, counters, context.state());
        SlotProcessor slots = new SlotProcessor(receiver, storage, settings.deleteOutgoing());
        this.announced = new AnnouncedSlotReader(storage, slots);
        this.sweeper = new StorageSweeper(storage, slots, context.state(), context.clock());
        this.direct = new DirectDeliveryHandler(receiver, at);
        OutboxStore outboxStore = store instanceof SqliteMessageStore sqlite ? sqlite.outbox() : null;
        this.sender = new SmsSender(at, SendLedger.of(store, outboxStore), context.events(), context.clock(),
                context.ready(), settings.sendTimeout(), sendsInFlight, afterCmgsAnswer);
        this.connection = new SmsConnectRoutine(initializer, storage, sweeper,
                new SmsMaintenance(multipart, store, context.clock(), settings.fingerprintRetention()),
                context.settingsLost());
        this.inbound = new InboundWorker(inboundThread, context.ready(), gate, connection, counters);
        this.sends = new SendQueue(outboundThread, sender, gate, context.callbacks());
        this.waiters = new OutboxWaiters(context.callbacks());
        if (outboxStore == null) {
            this.dispatcher = null;
            this.outbox = null;
        } else {
            this.dispatcher = new OutboxDispatcher(outboxStore, sender, outboundThread, context.scheduler(), gate,
                    context.ready(), context.clock(), context.events(), waiters, settings.sendRatePerMinute());
            this.outbox = new SerialOutbox(outboxStore, sender, dispatcher, waiters, context.events(),
                    context.clock());
        }
        this.initRetry = new SmsInitRetry(context.scheduler(), initRetryFirst, initRetryMax, this::retryInit);
        long every = settings.maintenanceInterval().toNanos();
        this.maintenance = context.scheduler().scheduleWithFixedDelay(inbound::tick, every, every,
                TimeUnit.NANOSECONDS);
        context.state().sweepInterval(settings.sweepInterval());
        long sweepEvery = settings.sweepInterval().toNanos();
        this.periodicSweep = sweepEvery == 0 ? null : context.scheduler().scheduleWithFixedDelay(
                () -> inbound.requestSweep("periodic"), sweepEvery, sweepEvery, TimeUnit.NANOSECONDS);
    }

    /** {@code +CMS ERROR: 322} on an SMS command; one met by the sweep itself is left to that sweep. */
    private void memoryFull() {
        InboundWorker worker = inbound;
        StorageSweeper running = sweeper;
        if (worker != null && running != null && !running.running()) {
            worker.requestSweep("+CMS ERROR: 322");
        }
    }

    // ---- SmsModule ----------------------------------------------------------------------------------------

    @Override
    public SmsApi api() {
        return this;
    }

    @Override
    public Outbox outbox() {
        if (outbox == null) {
            return SmsModule.super.outbox();
        }
        return outbox;
    }

    @Override
    public void onSmsUrc(SmsUrc urc) {
        Objects.requireNonNull(urc, "urc");
        if (urc instanceof SmsUrc.NewMessage m) {
            if (!inbound.run("+CMTI", () -> {
                if (gate.initialisedNow()) {
                    announced.onNewMessage(m.storage(), m.index());
                }
            })) {
                inbound.announcedDropped("+CMTI", m.storage(), m.index());
            }
        } else if (urc instanceof SmsUrc.StatusReportStored r) {
            if (!inbound.run("+CDSI", () -> {
                if (gate.initialisedNow()) {
                    announced.onStoredReport(r.storage(), r.index());
                }
            })) {
                inbound.announcedDropped("+CDSI", r.storage(), r.index());
            }
        } else if (urc instanceof SmsUrc.DirectMessage d) {
            if (!inbound.run("+CMT", () -> direct.onDirect(d.pduHex(), PduSource.DIRECT_MESSAGE,
                    connection.ackRequired()))) {
                inbound.directDropped("+CMT");
            }
        } else if (urc instanceof SmsUrc.TextMessage t) {
            if (!inbound.run("+CMT", () -> direct.onText(t.originator(), t.scts(), t.text(),
                    connection.ackRequired()))) {
                inbound.directDropped("+CMT");
            }
        } else if (urc instanceof SmsUrc.StorageFull f) {
            log.info("SMS storage full ({}); sweeping", f.signal());
            inbound.requestSweep(f.signal());
        } else if (urc instanceof SmsUrc.DirectStatusReport d) {
            if (!inbound.run("+CDS", () -> direct.onDirect(d.pduHex(), PduSource.DIRECT_REPORT,
                    connection.ackRequired()))) {
                inbound.directDropped("+CDS");
            }
        }
    }

    @Override
    public void onConnected() {
        initRetry.stop();
        inbound.connect();
        if (dispatcher != null) {
            dispatcher.connected();
        }
        CompletableFuture<Void> current = gate.current();
        if (context.ready().getAsBoolean() && current.isCompletedExceptionally()) {
            // Not ready yet (SIMCom, Quectel right after boot): sends wait on a fresh gate while the init is retried.
            gate.disconnected();
            Duration delay = initRetry.start();
            log.info("SMS init retried in {} ms (or at the modem's SMS-ready line)", delay.toMillis());
        }
    }

    @Override
    public void onSmsReady() {
        initRetry.now();
    }

    /** On the engine's scheduler (or the engine thread, for {@code SMS Ready}): queues one init attempt. */
    private void retryInit() {
        boolean queued = inbound.run("SMS init retry", () -> {
            if (!initRetry.active() || !context.ready().getAsBoolean()) {
                return;
            }
            CompletableFuture<Void> current = gate.current();
            if (connection.retryInit()) {
                initRetry.stop();
                gate.open(current, true);
                log.info("SMS init succeeded on a retry");
            } else {
                log.info("SMS init retried in {} ms", initRetry.failed().toMillis());
            }
        });
        if (!queued) {
            var unused = initRetry.failed();
        }
    }

    @Override
    public void onDisconnected(String reason) {
        initRetry.stop();
        connection.disconnected();
        gate.disconnected();
        // Pending commands have failed already; what was on the modem is found again by the next sweep.
        log.debug("SMS service: modem disconnected; {}", counters);
    }

    /** Stops the service's threads; closes the store when the service made it. */
    @Override
    public void close() {
        closed = true;
        if (dispatcher != null) {
            dispatcher.close();
        }
        waiters.failAll(new ModemUnavailableException("modem closed"));
        initRetry.stop();
        gate.close();
        maintenance.cancel(false);
        if (periodicSweep != null) {
            periodicSweep.cancel(false);
        }
        inbound.shutdown();
        sends.shutdown();
        try {
            if (!sends.awaitTermination(2, TimeUnit.SECONDS)) {
                sends.shutdownNow();
            }
            if (!inbound.awaitTermination(2, TimeUnit.SECONDS)) {
                inbound.shutdownNow();
            }
        } catch (InterruptedException e) {
            sends.shutdownNow();
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
            sends.submit(sms, pdus, result);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(closed ? new ModemUnavailableException("modem closed")
                    : new ModemBusyException("too many SMS waiting to be sent"));
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

    /** Looks at the outbox queue now (tests that move the clock by hand). */
    void wakeOutbox() {
        if (dispatcher != null) {
            dispatcher.wake();
        }
    }

    /** Enqueues that woke no dispatch because the send rate held the queue (tests). */
    long outboxEnqueuesHeldByRate() {
        return dispatcher == null ? 0 : dispatcher.heldEnqueues();
    }

    /** Inbound outcome counts (tests, diagnostics). */
    SmsCounters counters() {
        return counters;
    }

    /**
     * How many SMS notifications ({@code +CMTI}, {@code +CDSI}, {@code +CMT}, {@code +CDS}) a full inbound queue
     * turned away since the service started. See {@link InboundWorker} for what became of them.
     */
    public long droppedNotifications() {
        return counters.droppedDirect.get() + counters.droppedAnnounced.get();
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
