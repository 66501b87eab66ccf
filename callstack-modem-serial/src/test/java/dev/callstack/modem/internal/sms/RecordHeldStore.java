package dev.callstack.modem.internal.sms;

import dev.callstack.core.StoredDeliveryReport;
import dev.callstack.core.StoredSms;
import dev.callstack.core.store.DeliveryReportRecord;
import dev.callstack.core.store.InboundMessage;
import dev.callstack.core.store.MessageStore;
import dev.callstack.core.store.OutboundMessage;
import dev.callstack.core.store.PartGroupKey;
import dev.callstack.core.store.PendingGroup;
import dev.callstack.core.store.PendingPart;
import dev.callstack.core.store.SentMessage;
import dev.callstack.core.store.SentPart;
import dev.callstack.core.store.UndecodablePdu;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A store whose {@code recordSentPart} of one part does not write until a status report about that part's TP-MR
 * has looked for it and found nothing: the send thread is as late as it can be, deterministically. Everything else
 * goes straight to the store underneath. Thread-safe.
 */
final class RecordHeldStore implements MessageStore {
    /** The hold ends here at the latest, so a report that never comes fails the test rather than hanging it. */
    private static final long HOLD_SECONDS = 30;

    private final MessageStore store;
    private final int heldPart;
    /** The TP-MR of the held part, once its record has begun. */
    final CompletableFuture<Integer> recording = new CompletableFuture<>();
    private final CountDownLatch lookedInVain = new CountDownLatch(1);
    /** Whether the record went ahead because the report had looked, not because the hold ran out. */
    final CompletableFuture<Boolean> recordedAfterTheLook = new CompletableFuture<>();

    RecordHeldStore(MessageStore store, int heldPart) {
        this.store = Objects.requireNonNull(store, "store");
        this.heldPart = heldPart;
    }

    @Override
    public void recordSentPart(long messageId, int part, int reference, Instant sentAt) {
        if (part == heldPart && !recording.isDone()) {
            recording.complete(reference);
            boolean looked;
            try {
                looked = lookedInVain.await(HOLD_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                looked = false;
            }
            recordedAfterTheLook.complete(looked);
        }
        store.recordSentPart(messageId, part, reference, sentAt);
    }

    @Override
    public Optional<SentPart> findSentPart(int reference, String recipient) {
        Optional<SentPart> found = store.findSentPart(reference, recipient);
        if (found.isEmpty() && recording.isDone() && recording.join() == reference) {
            lookedInVain.countDown();
        }
        return found;
    }

    @Override
    public OptionalLong storeReceived(String fingerprint, InboundMessage message) {
        return store.storeReceived(fingerprint, message);
    }

    @Override
    public List<StoredSms> received(int limit, OptionalLong beforeId) {
        return store.received(limit, beforeId);
    }

    @Override
    public boolean seen(String fingerprint) {
        return store.seen(fingerprint);
    }

    @Override
    public boolean markSeen(String fingerprint, Instant at) {
        return store.markSeen(fingerprint, at);
    }

    @Override
    public boolean storeUndecodable(String fingerprint, UndecodablePdu pdu) {
        return store.storeUndecodable(fingerprint, pdu);
    }

    @Override
    public List<UndecodablePdu> undecodable(int limit) {
        return store.undecodable(limit);
    }

    @Override
    public int pruneFingerprints(Instant before) {
        return store.pruneFingerprints(before);
    }

    @Override
    public Optional<List<PendingPart>> addPart(String fingerprint, PendingPart part) {
        return store.addPart(fingerprint, part);
    }

    @Override
    public List<PendingPart> parts(PartGroupKey group) {
        return store.parts(group);
    }

    @Override
    public OptionalLong completeGroup(PartGroupKey group, InboundMessage message) {
        return store.completeGroup(group, message);
    }

    @Override
    public List<PendingGroup> pendingGroups(Instant firstPartBefore, int limit) {
        return store.pendingGroups(firstPartBefore, limit);
    }

    @Override
    public List<PendingGroup> fullGroups(int limit) {
        return store.fullGroups(limit);
    }

    @Override
    public int openGroupCount() {
        return store.openGroupCount();
    }

    @Override
    public long insertSent(OutboundMessage message) {
        return store.insertSent(message);
    }

    @Override
    public Optional<SentMessage> sent(long messageId) {
        return store.sent(messageId);
    }

    @Override
    public OptionalLong storeDeliveryReport(String fingerprint, DeliveryReportRecord report) {
        return store.storeDeliveryReport(fingerprint, report);
    }

    @Override
    public List<StoredDeliveryReport> deliveryReports(int limit) {
        return store.deliveryReports(limit);
    }

    @Override
    public void close() {
        store.close();
    }
}
