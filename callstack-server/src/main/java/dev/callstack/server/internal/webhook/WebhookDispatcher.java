package dev.callstack.server.internal.webhook;

import dev.callstack.realtime.EventJournal;
import dev.callstack.realtime.JournalEntry;
import dev.callstack.realtime.View;
import dev.callstack.server.internal.DaemonThreads;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves journal events to receivers. One scheduler thread "pumps": for each enabled subscription it turns the
 * journal events after the subscription's cursor into committed deliveries (cursor moved in the same transaction),
 * then starts the due ones, lowest event id first, while fewer than {@code window} of that subscription are in
 * flight. Attempts run on a small bounded pool; their results are committed before the next pump. A pump runs when
 * the journal appends (the appending thread only submits a task), after every attempt, and every poll interval
 * (retries). A delivery still failing {@code retryFor} after it was queued is dead-lettered; a subscription
 * failing without a success for {@code disableAfter} is disabled.
 *
 * <p>Thread-safe: pumps run on the one scheduler thread; attempts touch only the store (itself thread-safe) and the
 * concurrent in-flight sets.
 */
final class WebhookDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 256;
    private static final int ATTEMPT_THREADS = 4;
    private static final Duration KEEP_FINAL = Duration.ofDays(7);

    private final WebhookStore store;
    private final EventJournal journal;
    private final WebhookSender sender;
    private final WebhookTiming timing;
    private final WebhookMetrics metrics;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService attempts;
    private final Map<String, Set<Long>> inFlight = new ConcurrentHashMap<>();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile WebhookStore.Stats stats = new WebhookStore.Stats(0, 0, 0);
    /**
     * Whether any subscription is enabled, as of the last pump: without one, an append costs the journal's thread a
     * volatile read, not a pump (the fan-out benchmark runs without webhooks).
     */
    private volatile boolean active = true;
    private long lastPruneMs;

    WebhookDispatcher(WebhookStore store, EventJournal journal, WebhookSender sender, WebhookTiming timing,
                      WebhookMetrics metrics, ScheduledExecutorService scheduler, ExecutorService attempts) {
        this.store = Objects.requireNonNull(store, "store");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.attempts = Objects.requireNonNull(attempts, "attempts");
    }

    /** The scheduler thread the dispatcher pumps on. */
    static ScheduledExecutorService newScheduler() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1,
                DaemonThreads.named("callstack-webhook-dispatch"));
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }

    /** The bounded pool attempts run on (each blocks for at most about twice the request timeout). */
    static ExecutorService newAttemptPool() {
        return new ThreadPoolExecutor(ATTEMPT_THREADS, ATTEMPT_THREADS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(1024), DaemonThreads.named("callstack-webhook-attempt"),
                new ThreadPoolExecutor.AbortPolicy());
    }

    void start() {
        int moved = store.clampCursors(journal.lastId());
        if (moved > 0) {
            // An in-memory journal restarted at 1: without this, new events would wait behind the old cursor.
            log.warn("Event journal restarted below {} webhook cursor(s); they continue from event {}", moved,
                    journal.lastId());
        }
        journal.onAppend(id -> wake());
        long poll = timing.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::tick, 0, poll, TimeUnit.MILLISECONDS);
    }

    /** A subscription was created or queued work: pump even if none was enabled at the last pump. */
    void changed() {
        active = true;
        wake();
    }

    /** Asks for a pump soon; never blocks, coalesces bursts into one pump. */
    void wake() {
        if (!active || closed.get() || !wakeQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            scheduler.execute(() -> {
                wakeQueued.set(false);
                pump();
            });
        } catch (RejectedExecutionException closing) {
            wakeQueued.set(false);
        }
    }

    WebhookStore.Stats stats() {
        return stats;
    }

    private void tick() {
        pump();
        try {
            stats = store.stats();
            long now = timing.clock().millis();
            if (now - lastPruneMs > Duration.ofHours(1).toMillis()) {
                lastPruneMs = now;
                store.prune(now - KEEP_FINAL.toMillis());
            }
        } catch (RuntimeException failed) {
            logFailure(failed);
        }
    }

    private void pump() {
        if (closed.get()) {
            return;
        }
        try {
            long now = timing.clock().millis();
            boolean anyEnabled = false;
            for (WebhookSubscription subscription : store.subscriptions()) {
                if (subscription.enabled()) {
                    anyEnabled = true;
                    queueNewEvents(subscription, now);
                    startDue(subscription, now);
                }
            }
            active = anyEnabled;
        } catch (RuntimeException failed) {
            logFailure(failed); // the store or journal failed: the next tick tries again
        }
    }

    private void queueNewEvents(WebhookSubscription subscription, long now) {
        long last = journal.lastId(); // read first: everything up to it is in the read below
        if (subscription.cursor() >= last) {
            return;
        }
        List<JournalEntry> entries = journal.read(subscription.cursor(), BATCH, Set.copyOf(subscription.events()));
        View view = subscription.content() ? View.CONTENT : View.REDACTED;
        List<WebhookStore.Queued> queued = new ArrayList<>(entries.size());
        for (JournalEntry entry : entries) {
            queued.add(new WebhookStore.Queued(entry.id(), entry.in(view).utf8()));
        }
        boolean full = entries.size() == BATCH;
        long cursor = full ? entries.get(entries.size() - 1).id() : last;
        store.queue(subscription.id(), queued, cursor, now);
        if (full) {
            wake(); // more to read
        }
    }

    private void startDue(WebhookSubscription subscription, long now) {
        Set<Long> flying = inFlight.computeIfAbsent(subscription.id(), id -> ConcurrentHashMap.newKeySet());
        int free = timing.window() - flying.size();
        if (free <= 0) {
            return;
        }
        for (WebhookStore.Due due : store.due(subscription.id(), now, timing.window() + flying.size())) {
            if (free == 0) {
                break;
            }
            long eventId = due.delivery().eventId();
            if (!flying.add(eventId)) {
                continue;
            }
            try {
                attempts.execute(() -> attempt(subscription, due, flying));
                free--;
            } catch (RejectedExecutionException busy) {
                flying.remove(eventId); // still pending in the store; the next pump tries again
                return;
            }
        }
    }

    private void attempt(WebhookSubscription subscription, WebhookStore.Due due, Set<Long> flying) {
        WebhookDelivery delivery = due.delivery();
        try {
            WebhookSender.Outcome outcome = sender.attempt(subscription, delivery.eventId(), due.body());
            if (!closed.get()) {
                record(subscription, delivery, outcome);
            }
        } catch (RuntimeException failed) {
            if (!closed.get()) {
                logFailure(failed);
            }
        } finally {
            flying.remove(delivery.eventId());
            wake();
        }
    }

    private void record(WebhookSubscription subscription, WebhookDelivery delivery, WebhookSender.Outcome outcome) {
        long now = timing.clock().millis();
        if (outcome.delivered()) {
            store.delivered(delivery, outcome.statusCode(), now);
            metrics.attempt(WebhookDeliveryStatus.DELIVERED);
            return;
        }
        boolean dead = now - delivery.createdAtMs() >= timing.retryFor().toMillis();
        WebhookDeliveryStatus status = dead ? WebhookDeliveryStatus.DEAD : WebhookDeliveryStatus.FAILED;
        long failingSince = store.failed(delivery, status, now + backoff(timing, delivery.attempts() + 1),
                outcome.statusCode(), outcome.error(), now);
        metrics.attempt(status);
        // Ids and the fixed error only: the URL (whose path may be a token) and the payload are never logged. The
        // first failure of a run and dead letters are worth a line; every retry would flood the log of a day-long
        // outage (the metrics count them).
        if (dead) {
            log.warn("Webhook {} event {} dead-lettered after {} attempts: {}", subscription.id(),
                    delivery.eventId(), delivery.attempts() + 1, outcome.error());
        } else if (failingSince == now) {
            log.info("Webhook {} failing: event {} attempt {}: {}", subscription.id(), delivery.eventId(),
                    delivery.attempts() + 1, outcome.error());
        } else {
            log.debug("Webhook {} event {} attempt {} failed: {}", subscription.id(), delivery.eventId(),
                    delivery.attempts() + 1, outcome.error());
        }
        if (failingSince > 0 && now - failingSince >= timing.disableAfter().toMillis()) {
            store.disable(subscription.id());
            log.warn("Webhook {} disabled: failing without a success since {}", subscription.id(),
                    Instant.ofEpochMilli(failingSince));
        }
    }

    /** Exponential from {@code firstRetry}, capped, times a jitter of 0.8-1.2 so receivers are not hit in step. */
    static long backoff(WebhookTiming timing, int attempt) {
        long first = timing.firstRetry().toMillis();
        long cap = timing.maxRetryDelay().toMillis();
        long base = attempt >= 40 ? cap : Math.min(cap, first << Math.max(0, attempt - 1));
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Math.max(1, Math.min(cap, (long) (base * jitter)));
    }

    private static void logFailure(RuntimeException failed) {
        log.error("Webhook dispatch failed: {}", failed.getClass().getName());
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        scheduler.shutdownNow();
        attempts.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
            attempts.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
