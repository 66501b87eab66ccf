package dev.callstack.modem.internal.sms;

import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.ModemUnavailableException;
import dev.callstack.core.Outbox;
import dev.callstack.core.OutboxBacklog;
import dev.callstack.core.OutboxEntry;
import dev.callstack.core.OutboxReceipt;
import dev.callstack.core.OutboxRequest;
import dev.callstack.core.OutboxStatus;
import dev.callstack.core.OutgoingSms;
import dev.callstack.core.event.EventBus;
import dev.callstack.core.event.SmsQueued;
import dev.callstack.core.store.MessageStoreException;
import dev.callstack.modem.pdu.SubmitPdu;
import dev.callstack.modem.store.NewOutboxMessage;
import dev.callstack.modem.store.OutboxRow;
import dev.callstack.modem.store.OutboxStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code SerialModem.outbox()}: validates and encodes at once (so an unsendable message is refused before anything is
 * committed), commits the message with its idempotency key in one transaction, publishes {@code sms.queued} after
 * the commit and wakes the {@link OutboxDispatcher}. Reads go straight to the {@link OutboxStore}.
 *
 * <p>Thread-safe.
 */
final class SerialOutbox implements Outbox {
    private static final Logger log = LoggerFactory.getLogger(SerialOutbox.class);

    private final OutboxStore store;
    private final SmsSender sender;
    private final OutboxDispatcher dispatcher;
    private final OutboxWaiters waiters;
    private final EventBus events;
    private final Clock clock;

    SerialOutbox(OutboxStore store, SmsSender sender, OutboxDispatcher dispatcher, OutboxWaiters waiters,
                 EventBus events, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.waiters = Objects.requireNonNull(waiters, "waiters");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public OutboxReceipt enqueue(OutboxRequest request) {
        Objects.requireNonNull(request, "request");
        OutgoingSms sms = request.sms();
        int concatReference = sender.nextConcatReference();
        List<SubmitPdu> pdus = SmsSender.encode(sms, concatReference);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(request.ttl());
        Instant dueAt = request.sendAt() == null || request.sendAt().isBefore(now) ? now : request.sendAt();
        if (!dueAt.isBefore(expiresAt)) {
            throw new InvalidRequestException("send_at must be before the time to live runs out");
        }
        String key = request.idempotencyKey();
        OutboxReceipt receipt;
        try {
            receipt = store.enqueue(new NewOutboxMessage(sms, pdus.size(), concatReference, request.priority(), dueAt,
                    expiresAt, request.retryUnknown(), false, now), key == null ? null : sha256("key", key),
                    key == null ? null : fingerprint(request), OutboxRequest.IDEMPOTENCY_WINDOW);
        } catch (MessageStoreException e) {
            throw new ModemUnavailableException("SMS store unavailable", e);
        }
        OutboxEntry entry = receipt.entry();
        if (receipt.replayed()) {
            log.info("Outbox message {} replayed for a repeated idempotency key", entry.messageId());
            return receipt;
        }
        // DEBUG: each enqueue is on record already (the journaled sms.queued event, and over HTTP the audit line), and
        // a synchronous console line per enqueue cost about a sixth of the request and queued the commit threads on
        // the appender's lock. The send, the outcome and every failure stay at INFO.
        log.debug("Outbox message {} queued for {} in {} part(s), {} priority", entry.messageId(), sms.to(),
                pdus.size(), request.priority());
        events.publish(new SmsQueued(now, sms.to().value(), pdus.size(), entry.messageId()));
        dispatcher.enqueued();
        return receipt;
    }

    @Override
    public Optional<OutboxReceipt> replay(OutboxRequest request) {
        String key = Objects.requireNonNull(request, "request").idempotencyKey();
        if (key == null) {
            return Optional.empty();
        }
        try {
            return store.replay(sha256("key", key), fingerprint(request), OutboxRequest.IDEMPOTENCY_WINDOW,
                    clock.instant());
        } catch (MessageStoreException e) {
            throw new ModemUnavailableException("SMS store unavailable", e);
        }
    }

    @Override
    public OutboxBacklog backlog() {
        try {
            return store.backlog();
        } catch (MessageStoreException e) {
            throw new ModemUnavailableException("SMS store unavailable", e);
        }
    }

    @Override
    public Optional<OutboxEntry> find(long messageId) {
        try {
            return store.find(messageId).map(OutboxRow::toEntry);
        } catch (MessageStoreException e) {
            throw new ModemUnavailableException("SMS store unavailable", e);
        }
    }

    @Override
    public List<OutboxEntry> list(OutboxStatus status, int limit, OptionalLong beforeId) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidRequestException("limit must be 1.." + MAX_PAGE);
        }
        Objects.requireNonNull(beforeId, "beforeId");
        try {
            return store.list(status, limit, beforeId).stream().map(OutboxRow::toEntry).toList();
        } catch (MessageStoreException e) {
            throw new ModemUnavailableException("SMS store unavailable", e);
        }
    }

    @Override
    public Optional<OutboxEntry> cancel(long messageId) {
        Optional<OutboxEntry> cancelled;
        try {
            cancelled = store.cancel(messageId).map(OutboxRow::toEntry);
        } catch (MessageStoreException e) {
            throw new ModemUnavailableException("SMS store unavailable", e);
        }
        cancelled.ifPresent(entry -> {
            log.info("Outbox message {} cancelled", messageId);
            waiters.changed(entry);
        });
        return cancelled;
    }

    @Override
    public CompletableFuture<OutboxEntry> awaitFinal(long messageId) {
        CompletableFuture<OutboxEntry> future = new CompletableFuture<>();
        // Registered before the look, so a change between the two is not missed.
        waiters.add(messageId, future);
        Optional<OutboxEntry> now;
        try {
            now = find(messageId);
        } catch (ModemUnavailableException e) {
            future.completeExceptionally(e);
            return future;
        }
        if (now.isEmpty()) {
            future.completeExceptionally(new InvalidRequestException("no such outbox message"));
        } else if (OutboxWaiters.settled(now.get().status())) {
            future.complete(now.get());
        }
        return future;
    }

    /** Recipient, body and every option, hashed: the store never sees the request text in a new column. */
    static String fingerprint(OutboxRequest r) {
        OutgoingSms sms = r.sms();
        return sha256("request", sms.to().value(), sms.body(), sms.encoding().name(),
                String.valueOf(sms.requestStatusReport()), String.valueOf(sms.validity()), String.valueOf(r.sendAt()),
                r.ttl().toString(), r.priority().name(), String.valueOf(r.retryUnknown()));
    }

    /** SHA-256 of the fields, each length-prefixed so that no two field lists collide. */
    static String sha256(String... fields) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String field : fields) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
