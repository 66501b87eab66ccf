package dev.callstack.testkit;

import dev.callstack.core.CallstackException;
import dev.callstack.core.IdempotencyConflictException;
import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.ModemRejectedException;
import dev.callstack.core.ModemTimeoutException;
import dev.callstack.core.ModemUnavailableException;
import dev.callstack.core.OutboxEntry;
import dev.callstack.core.OutboxPart;
import dev.callstack.core.OutboxPriority;
import dev.callstack.core.OutboxReceipt;
import dev.callstack.core.OutboxRequest;
import dev.callstack.core.OutboxStatus;
import dev.callstack.core.Outbox;
import dev.callstack.core.OutboxBacklog;
import dev.callstack.core.OutgoingSms;
import dev.callstack.core.SmsSendResult;
import dev.callstack.core.event.DeliveryStatus;
import dev.callstack.core.event.EventBus;
import dev.callstack.core.event.ModemEvent;
import dev.callstack.core.event.SmsFailed;
import dev.callstack.core.event.SmsQueued;
import dev.callstack.core.event.SmsSent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The fake modem's {@link Outbox}, in memory: {@link #enqueue} commits at once (ids 1, 2, 3...) and publishes
 * {@link SmsQueued}; due messages are then sent through the fake modem's SMS fake, so whatever the test programmed
 * there ({@code nextSendSucceeds}, {@code nextSendTimesOut}, {@code nextSendRejected}, {@code nextSendHangs}...) decides
 * the outcome, and every send shows in {@link FakeModem#sentSms()}:
 *
 * <table>
 * <caption>How a programmed send outcome ends an outbox message</caption>
 * <tr><th>send outcome</th><th>message</th><th>event</th></tr>
 * <tr><td>accepted</td><td>{@code SENT}, one reference per part</td><td>{@link SmsSent} with the outbox id</td></tr>
 * <tr><td>timed out, or a hanging send failed by a disconnect</td><td>{@code UNKNOWN} (queued again when the
 * request said {@code retryUnknown})</td><td>{@link SmsFailed}</td></tr>
 * <tr><td>rejected, invalid</td><td>{@code FAILED}</td><td>{@link SmsFailed}</td></tr>
 * <tr><td>unavailable at once (disconnected)</td><td>stays {@code QUEUED} for the next {@link #dispatchDue()}</td>
 * <td>none</td></tr>
 * <tr><td>hangs</td><td>stays {@code SENDING}</td><td>none yet</td></tr>
 * </table>
 *
 * <p>Test controls: {@link #hold()} keeps committed messages {@code QUEUED} (to see a client act before the send),
 * {@link #release()} lets them go; messages with a future {@code sendAt} (by the fake modem's clock) wait for a
 * {@link #dispatchDue()}, which also expires messages whose time to live has run out. There is no send rate, no backoff
 * and no persistence; priorities order each dispatch. Idempotency keys behave as the {@link Outbox} contract says: the
 * same key with an equal request within {@link OutboxRequest#IDEMPOTENCY_WINDOW} replays the first message, a
 * different request fails with {@link IdempotencyConflictException}. Events are published on the calling thread,
 * outside the lock, after the state they describe is visible.
 *
 * <p>Thread-safe.
 */
public final class FakeOutbox implements Outbox {
    /** Sends one message without publishing {@link SmsSent} (the outbox publishes it with its own id). */
    @FunctionalInterface
    interface Sender {
        CompletableFuture<SmsSendResult> send(OutgoingSms sms);
    }

    /** One committed message: the request it came from, where it stands, and its final-state future. */
    private static final class Slot {
        final OutboxRequest request;
        final CompletableFuture<OutboxEntry> done = new CompletableFuture<>();
        volatile OutboxEntry entry;

        Slot(OutboxRequest request, OutboxEntry entry) {
            this.request = request;
            this.entry = entry;
        }
    }

    private static final Comparator<Slot> DISPATCH_ORDER = Comparator
            .comparing((Slot slot) -> slot.request.priority() == OutboxPriority.HIGH ? 0 : 1)
            .thenComparingLong(slot -> slot.entry.messageId());

    private final Sender sender;
    private final EventBus bus;
    private final Clock clock;
    private final NavigableMap<Long, Slot> messages = new TreeMap<>();
    private final Map<String, Slot> byKey = new HashMap<>();
    private long nextId = 1;
    private boolean held;

    FakeOutbox(Sender sender, EventBus bus, Clock clock) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public OutboxReceipt enqueue(OutboxRequest request) {
        Objects.requireNonNull(request, "request");
        OutgoingSms sms = request.sms();
        int parts = SmsParts.count(sms.body(), sms.encoding());
        if (parts > SmsParts.MAX_PARTS) {
            throw new InvalidRequestException("SMS body too long");
        }
        OutboxEntry committed;
        synchronized (this) {
            Instant now = clock.instant();
            String key = request.idempotencyKey();
            Optional<OutboxReceipt> earlier = earlier(request, now);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            List<OutboxPart> unsent = new ArrayList<>(parts);
            for (int part = 1; part <= parts; part++) {
                unsent.add(new OutboxPart(part, null, null));
            }
            committed = new OutboxEntry(nextId++, sms.to(), sms.body(), OutboxStatus.QUEUED, unsent, 0, now, null,
                    null, null);
            Slot slot = new Slot(request, committed);
            messages.put(committed.messageId(), slot);
            if (key != null) {
                byKey.put(key, slot);
            }
        }
        bus.publish(new SmsQueued(committed.createdAt(), sms.to().value(), parts, committed.messageId()));
        dispatchDue();
        return new OutboxReceipt(committed, false);
    }

    @Override
    public synchronized Optional<OutboxReceipt> replay(OutboxRequest request) {
        return earlier(Objects.requireNonNull(request, "request"), clock.instant());
    }

    /** The message an earlier request with this one's key committed within the window; caller holds the lock. */
    private Optional<OutboxReceipt> earlier(OutboxRequest request, Instant now) {
        String key = request.idempotencyKey();
        Slot earlier = key == null ? null : byKey.get(key);
        if (earlier == null || !earlier.entry.createdAt().plus(OutboxRequest.IDEMPOTENCY_WINDOW).isAfter(now)) {
            return Optional.empty();
        }
        if (!earlier.request.equals(request)) {
            throw new IdempotencyConflictException("idempotency key reused with a different request");
        }
        return Optional.of(new OutboxReceipt(earlier.entry, true));
    }

    @Override
    public synchronized OutboxBacklog backlog() {
        long pending = 0;
        Instant oldest = null;
        for (Slot slot : messages.values()) {
            OutboxEntry entry = slot.entry;
            if (entry.status() == OutboxStatus.QUEUED || entry.status() == OutboxStatus.SENDING) {
                pending++;
                oldest = oldest == null || entry.createdAt().isBefore(oldest) ? entry.createdAt() : oldest;
            }
        }
        return pending == 0 ? OutboxBacklog.EMPTY : new OutboxBacklog(pending, oldest);
    }

    @Override
    public synchronized Optional<OutboxEntry> find(long messageId) {
        Slot slot = messages.get(messageId);
        return slot == null ? Optional.empty() : Optional.of(slot.entry);
    }

    @Override
    public List<OutboxEntry> list(OutboxStatus status, int limit, OptionalLong beforeId) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidRequestException("limit must be in 1.." + MAX_PAGE);
        }
        Objects.requireNonNull(beforeId, "beforeId");
        List<OutboxEntry> page = new ArrayList<>(Math.min(limit, 64));
        synchronized (this) {
            NavigableMap<Long, Slot> older = beforeId.isPresent()
                    ? messages.headMap(beforeId.getAsLong(), false) : messages;
            for (Slot slot : older.descendingMap().values()) {
                if (page.size() == limit) {
                    break;
                }
                if (status == null || slot.entry.status() == status) {
                    page.add(slot.entry);
                }
            }
        }
        return List.copyOf(page);
    }

    @Override
    public Optional<OutboxEntry> cancel(long messageId) {
        Slot slot;
        synchronized (this) {
            slot = messages.get(messageId);
            if (slot == null) {
                return Optional.empty();
            }
            if (slot.entry.status() != OutboxStatus.QUEUED) {
                throw new IllegalStateException("message is no longer queued");
            }
            slot.entry = with(slot.entry, OutboxStatus.CANCELLED, slot.entry.parts(), null, null);
        }
        slot.done.complete(slot.entry);
        return Optional.of(slot.entry);
    }

    @Override
    public CompletableFuture<OutboxEntry> awaitFinal(long messageId) {
        Slot slot;
        synchronized (this) {
            slot = messages.get(messageId);
        }
        if (slot == null) {
            return CompletableFuture.failedFuture(new InvalidRequestException("no such message"));
        }
        // A copy: a caller that cancels or completes its future cannot touch the outbox's own.
        return slot.done.thenApply(Function.identity());
    }

    // ------------------------------------------------------------------------------------------ test controls

    /** Keeps every message {@code QUEUED} until {@link #release()}: nothing is handed to the SMS fake meanwhile. */
    public synchronized void hold() {
        held = true;
    }

    /** Ends a {@link #hold()} and sends whatever is due, as {@link #dispatchDue()} does. */
    public void release() {
        synchronized (this) {
            held = false;
        }
        dispatchDue();
    }

    /**
     * Unless held: expires queued messages whose time to live has run out (by the fake modem's clock; publishes
     * {@link SmsFailed} {@code EXPIRED}), then sends every queued message that is due, high priority first, then by id.
     * {@link #enqueue} calls it itself; a test calls it after moving its clock past a {@code sendAt}, or to retry
     * messages that stayed queued because the modem was disconnected.
     */
    public void dispatchDue() {
        List<Slot> due = new ArrayList<>();
        List<Slot> expired = new ArrayList<>();
        List<ModemEvent> events = new ArrayList<>();
        synchronized (this) {
            if (held) {
                return;
            }
            Instant now = clock.instant();
            for (Slot slot : messages.values()) {
                if (slot.entry.status() != OutboxStatus.QUEUED) {
                    continue;
                }
                if (!slot.entry.createdAt().plus(slot.request.ttl()).isAfter(now)) {
                    slot.entry = with(slot.entry, OutboxStatus.EXPIRED, slot.entry.parts(), null, "expired in queue");
                    expired.add(slot);
                    events.add(failed(slot, now));
                } else if (slot.request.sendAt() == null || !slot.request.sendAt().isAfter(now)) {
                    due.add(slot);
                }
            }
            due.sort(DISPATCH_ORDER);
            for (Slot slot : due) {
                slot.entry = new OutboxEntry(slot.entry.messageId(), slot.entry.to(), slot.entry.body(),
                        OutboxStatus.SENDING, slot.entry.parts(), slot.entry.attempts() + 1, slot.entry.createdAt(),
                        null, null, slot.entry.error());
            }
        }
        events.forEach(bus::publish);
        for (Slot slot : expired) {
            slot.done.complete(slot.entry);
        }
        due.forEach(this::send);
    }

    private void send(Slot slot) {
        CompletableFuture<SmsSendResult> sending;
        try {
            sending = sender.send(slot.request.sms());
        } catch (RuntimeException thrown) {
            sending = CompletableFuture.failedFuture(thrown);
        }
        // Done on return: refused before anything left (e.g. disconnected). Pending: the send was in flight.
        boolean refusedAtOnce = sending.isDone();
        var unused = sending.whenComplete((sent, failure) -> {
            if (failure == null) {
                sent(slot, sent);
            } else {
                failed(slot, failure, refusedAtOnce);
            }
        });
    }

    private void sent(Slot slot, SmsSendResult result) {
        SmsSent event;
        synchronized (this) {
            List<OutboxPart> parts = new ArrayList<>(result.parts());
            for (int i = 0; i < result.parts(); i++) {
                parts.add(new OutboxPart(i + 1, result.references().get(i), DeliveryStatus.PENDING));
            }
            Instant now = clock.instant();
            slot.entry = with(slot.entry, OutboxStatus.SENT, parts, now, null);
            event = new SmsSent(now, slot.entry.to().value(), result.references(), result.parts(),
                    slot.entry.messageId());
        }
        bus.publish(event);
        slot.done.complete(slot.entry);
    }

    private void failed(Slot slot, Throwable failure, boolean refusedAtOnce) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        boolean unavailable = cause instanceof ModemUnavailableException;
        boolean unanswered = cause instanceof ModemTimeoutException || (unavailable && !refusedAtOnce);
        ModemEvent event = null;
        synchronized (this) {
            if (unavailable && refusedAtOnce) {
                slot.entry = with(slot.entry, OutboxStatus.QUEUED, slot.entry.parts(), null,
                        "modem unavailable; will retry");
                return;
            }
            if (unanswered && slot.request.retryUnknown()) {
                slot.entry = with(slot.entry, OutboxStatus.QUEUED, slot.entry.parts(), null,
                        "no answer from the modem; will retry");
                return;
            }
            OutboxStatus status = unanswered ? OutboxStatus.UNKNOWN : OutboxStatus.FAILED;
            slot.entry = with(slot.entry, status, slot.entry.parts(), null, reason(cause, unanswered));
            event = failed(slot, clock.instant());
        }
        bus.publish(event);
        slot.done.complete(slot.entry);
    }

    /** A fixed reason: never the exception's message, which might name the number. */
    private static String reason(Throwable cause, boolean unanswered) {
        if (unanswered) {
            return "no answer from the modem; it may have been sent";
        }
        if (cause instanceof ModemRejectedException rejected) {
            return rejected.code().isPresent()
                    ? "modem rejected it (+CMS ERROR: " + rejected.code().getAsInt() + ")" : "modem rejected it";
        }
        if (cause instanceof InvalidRequestException) {
            return "refused as invalid";
        }
        return cause instanceof CallstackException ? "send failed" : "send failed unexpectedly";
    }

    /** Caller holds the lock. */
    private static SmsFailed failed(Slot slot, Instant now) {
        return new SmsFailed(now, slot.entry.to().value(), slot.entry.messageId(), slot.entry.status(),
                slot.entry.error());
    }

    private static OutboxEntry with(OutboxEntry entry, OutboxStatus status, List<OutboxPart> parts, Instant sentAt,
                                    String error) {
        return new OutboxEntry(entry.messageId(), entry.to(), entry.body(), status, parts, entry.attempts(),
                entry.createdAt(), sentAt, entry.deliveredAt(), error);
    }
}
