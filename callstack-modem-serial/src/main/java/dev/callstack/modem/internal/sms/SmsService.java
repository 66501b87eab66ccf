package dev.callstack.modem.internal.sms;

import dev.callstack.core.CallstackException;
import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.ModemUnavailableException;
import dev.callstack.core.OutgoingSms;
import dev.callstack.core.SentSms;
import dev.callstack.core.SmsApi;
import dev.callstack.core.StoredDeliveryReport;
import dev.callstack.core.StoredSms;
import dev.callstack.core.store.MessageStore;
import dev.callstack.core.store.MessageStoreException;
import dev.callstack.modem.internal.ModemContext;
import dev.callstack.modem.internal.SmsModule;
import dev.callstack.modem.internal.pdu.SubmitPdu;
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
 * from the engine thread are only queued. Events are published after the store committed. Thread-safe.
 */
public final class SmsService implements SmsModule, SmsApi {
    private static final Logger log = LoggerFactory.getLogger(SmsService.class);
    private static final int MAX_QUEUED_INBOUND = 1024;
    private static final Duration CONNECT_WAIT = Duration.ofMinutes(5);
    private static final Duration FINGERPRINT_RETENTION = Duration.ofDays(90);
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
    // Written on the inbound thread, read there too; volatile for the rare reader elsewhere (logs, tests).
    private volatile SmsModemSetup setup = new SmsModemSetup(true, ModemStorage.DEFAULT, List.of(ModemStorage.DEFAULT));
    private volatile boolean closed;
    // Completed when the SMS init of the current connection has run; replaced on every disconnect. Sends wait
    // for it: ModemConnected (and so "ready") comes before onConnected() has switched the modem to PDU mode.
    private volatile CompletableFuture<Void> initialised = new CompletableFuture<>();

    /**
     * @param ownsStore close {@code store} with the service (a store the service made itself)
     */
    public SmsService(ModemContext context, MessageStore store, boolean ownsStore, SmsSettings settings) {
        this.context = Objects.requireNonNull(context, "context");
        this.store = Objects.requireNonNull(store, "store");
        this.ownsStore = ownsStore;
        Objects.requireNonNull(settings, "settings");
        int id = IDS.incrementAndGet();
        this.inbound = singleThread("callstack-sms-in-" + id, MAX_QUEUED_INBOUND);
        this.outbound = singleThread("callstack-sms-out-" + id, settings.maxQueuedSends());
        this.callbacks = context.callbacks();
        this.initWait = settings.sendTimeout();
        BlockingAt at = new BlockingAt(context.at());
        this.initializer = new SmsInitializer(at);
        this.storage = new ModemStorage(at);
        this.multipart = new MultipartAssembler(store, context.events(), context.clock(),
                settings.reassemblyTimeout(), settings.maxOpenGroups(), counters);
        DeliveryReportCorrelator reports = new DeliveryReportCorrelator(store, context.events(), context.clock(),
                counters);
        InboundSmsReceiver receiver = new InboundSmsReceiver(store, context.events(), context.clock(), multipart,
                reports, counters);
        SlotProcessor slots = new SlotProcessor(receiver, storage);
        this.announced = new AnnouncedSlotReader(storage, slots);
        this.sweeper = new StorageSweeper(storage, slots);
        this.direct = new DirectDeliveryHandler(receiver, at);
        this.sender = new SmsSender(at, store, context.events(), context.clock(), context.ready(),
                settings.sendTimeout());
        long every = settings.maintenanceInterval().toNanos();
        this.maintenance = context.scheduler().scheduleWithFixedDelay(() -> runInbound("maintenance", this::maintain),
                every, every, TimeUnit.NANOSECONDS);
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
            runInbound("+CMTI", () -> {
                if (initialisedNow()) {
                    announced.onNewMessage(m.storage(), m.index());
                }
            });
        } else if (urc instanceof SmsUrc.StatusReportStored r) {
            runInbound("+CDSI", () -> {
                if (initialisedNow()) {
                    announced.onStoredReport(r.storage(), r.index());
                }
            });
        } else if (urc instanceof SmsUrc.DirectMessage d) {
            runInbound("+CMT", () -> direct.onDirect(d.pduHex(), PduSource.DIRECT_MESSAGE, setup.ackRequired()));
        } else if (urc instanceof SmsUrc.DirectStatusReport d) {
            runInbound("+CDS", () -> direct.onDirect(d.pduHex(), PduSource.DIRECT_REPORT, setup.ackRequired()));
        }
    }

    @Override
    public void onConnected() {
        CompletableFuture<Void> gate = initialised;
        Future<?> done;
        try {
            done = inbound.submit(() -> {
                try {
                    connected();
                } finally {
                    gate.complete(null);
                }
            });
        } catch (RejectedExecutionException e) {
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
                outbound.shutdownNow();
            }
            if (!inbound.awaitTermination(2, TimeUnit.SECONDS)) {
                inbound.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ownsStore) {
            store.close();
        }
    }

    // ---- SmsApi -------------------------------------------------------------------------------------------

    @Override
    public CompletableFuture<SentSms> send(OutgoingSms sms) {
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
        CompletableFuture<SentSms> result = new CompletableFuture<>();
        try {
            outbound.execute(() -> {
                try {
                    awaitInitialised();
                    SentSms sent = sender.send(sms, pdus);
                    callbacks.execute(() -> result.complete(sent));
                } catch (CallstackException e) {
                    callbacks.execute(() -> result.completeExceptionally(e));
                } catch (RuntimeException e) {
                    log.error("SMS send failed unexpectedly: {}", e.getClass().getName());
                    callbacks.execute(() -> result.completeExceptionally(
                            new ModemUnavailableException("SMS send failed", e)));
                }
            });
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

    private void connected() {
        try {
            SmsModemSetup s = initializer.run();
            storage.assume(s.readStorage());
            setup = s;
        } catch (CallstackException e) {
            log.warn("SMS init failed: {}; sweeping with defaults", e.getClass().getSimpleName());
        }
        maintain();
        try {
            sweeper.sweep(setup.sweep());
        } catch (CallstackException e) {
            log.warn("SMS storage sweep failed: {}", e.getClass().getSimpleName());
        }
    }

    private void maintain() {
        try {
            multipart.maintain();
            store.pruneFingerprints(context.clock().instant().minus(FINGERPRINT_RETENTION));
        } catch (MessageStoreException e) {
            log.warn("SMS store maintenance failed: {}", e.getClass().getSimpleName());
        }
    }

    private void runInbound(String what, Runnable task) {
        try {
            inbound.execute(() -> {
                try {
                    task.run();
                } catch (CallstackException e) {
                    // The message stays on the modem; the next sweep handles it.
                    log.warn("Handling {} failed: {}", what, e.getClass().getSimpleName());
                } catch (RuntimeException e) {
                    log.error("Handling {} failed unexpectedly: {}", what, e.getClass().getName());
                }
            });
        } catch (RejectedExecutionException e) {
            if (!closed) {
                log.warn("SMS inbound queue full; {} left for the next sweep", what);
            }
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
