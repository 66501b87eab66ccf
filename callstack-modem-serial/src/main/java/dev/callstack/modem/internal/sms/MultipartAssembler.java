package dev.callstack.modem.internal.sms;

import dev.callstack.core.event.EventBus;
import dev.callstack.core.event.SmsReceived;
import dev.callstack.core.store.InboundMessage;
import dev.callstack.core.store.MessageStore;
import dev.callstack.core.store.PartGroupKey;
import dev.callstack.core.store.PendingGroup;
import dev.callstack.core.store.PendingPart;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reassembles concatenated messages in the store: parts are kept per (sender, reference, total, reference width)
 * in any order, a duplicate part (same fingerprint, or same sequence number and text again) changes nothing, and the
 * complete message is stored as one inbound message, its parts removed in the same transaction, before one
 * {@link SmsReceived} is published. Incomplete groups survive restarts (they live in the store); after the
 * reassembly timeout, or when there are more than {@code maxOpenGroups}, the oldest are delivered as partial (the
 * parts that arrived, in order, flagged {@code partial}) rather than lost.
 *
 * <p>Not thread-safe; confined to the SMS inbound thread.
 */
final class MultipartAssembler {
    private static final Logger log = LoggerFactory.getLogger(MultipartAssembler.class);
    private static final int BATCH = 100;

    private final MessageStore store;
    private final EventBus events;
    private final Clock clock;
    private final Duration timeout;
    private final int maxOpenGroups;
    private final SmsCounters counters;

    MultipartAssembler(MessageStore store, EventBus events, Clock clock, Duration timeout, int maxOpenGroups,
                       SmsCounters counters) {
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.maxOpenGroups = maxOpenGroups;
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    /** Stores one part; publishes the whole message when it was the last one missing. */
    InboundOutcome accept(String fingerprint, PendingPart part) {
        if (!store.seen(fingerprint)) {
            closeGroupReusedByANewerMessage(part);
        }
        var stored = store.addPart(fingerprint, part);
        if (stored.isEmpty()) {
            // A part seen before may be the last one of a group that a crash (or a failed completeGroup) left full.
            completeIfFull(part.group());
            return InboundOutcome.DUPLICATE_MESSAGE;
        }
        List<PendingPart> parts = stored.get();
        if (parts.size() >= part.group().total()) {
            complete(part.group(), parts, false);
        } else {
            log.debug("Multipart message {}: {} of {} parts", part.group().reference(), parts.size(),
                    part.group().total());
            enforceBound();
        }
        return InboundOutcome.MESSAGE;
    }

    /**
     * Delivers what is due: groups that have every part (left so by a crash between storing the last part and
     * completing) and groups older than the timeout (as partial).
     */
    void maintain() {
        completeFullGroups();
        Instant now = clock.instant();
        List<PendingGroup> due;
        do {
            due = store.pendingGroups(now.minus(timeout), BATCH);
            for (PendingGroup group : due) {
                deliverPartial(group.key(), "reassembly timeout");
            }
        } while (due.size() == BATCH);
    }

    /**
     * Completes every group that holds all its parts, however many groups are open and whatever time their parts
     * were stamped with (a clock set back must not hide them): each is one whole {@link SmsReceived}, not partial.
     */
    void completeFullGroups() {
        List<PendingGroup> full;
        do {
            full = store.fullGroups(BATCH);
            int completed = 0;
            for (PendingGroup group : full) {
                if (completeIfFull(group.key())) {
                    completed++;
                }
            }
            if (completed == 0) {
                // Nothing moved (a group emptied meanwhile, or a store that keeps listing it): do not spin.
                return;
            }
        } while (full.size() == BATCH);
    }

    private boolean completeIfFull(PartGroupKey key) {
        List<PendingPart> parts = store.parts(key);
        if (parts.isEmpty() || parts.size() < key.total()) {
            return false;
        }
        log.info("Completing multipart message {} that was left with all {} parts", key.reference(), key.total());
        return complete(key, parts, false);
    }

    /**
     * An open group that already holds this part number with another text is an older message that lost a part and
     * whose reference the sender has since reused (8-bit references wrap every 256 messages): it is delivered as
     * partial now, so the newer message starts a group of its own instead of being merged into it and losing its part.
     */
    private void closeGroupReusedByANewerMessage(PendingPart part) {
        for (PendingPart held : store.parts(part.group())) {
            if (held.sequence() == part.sequence()) {
                if (!held.text().equals(part.text())) {
                    deliverPartial(part.group(), "reference reused by a newer message");
                }
                return;
            }
        }
    }

    private void enforceBound() {
        int open = store.openGroupCount();
        if (open <= maxOpenGroups) {
            return;
        }
        for (PendingGroup group : store.pendingGroups(clock.instant().plus(Duration.ofDays(1)),
                open - maxOpenGroups)) {
            deliverPartial(group.key(), "too many open multipart messages");
        }
    }

    private void deliverPartial(PartGroupKey key, String why) {
        List<PendingPart> parts = store.parts(key);
        if (parts.isEmpty()) {
            return;
        }
        boolean partial = parts.size() < key.total();
        if (partial) {
            counters.partialDeliveries.incrementAndGet();
            log.info("Delivering multipart message {} with {} of {} parts ({})", key.reference(), parts.size(),
                    key.total(), why);
        }
        complete(key, parts, partial);
    }

    /** Returns whether this call stored the message (false: no parts, or completed elsewhere). */
    private boolean complete(PartGroupKey key, List<PendingPart> parts, boolean partial) {
        if (parts.isEmpty()) {
            return false;
        }
        StringBuilder body = new StringBuilder();
        for (PendingPart p : parts) {
            body.append(p.text());
        }
        Instant smsc = parts.get(0).smscTimestamp();
        Instant now = clock.instant();
        OptionalLong id = store.completeGroup(key, new InboundMessage(key.sender(), body.toString(), now, smsc,
                key.total(), partial));
        if (id.isEmpty()) {
            return false;
        }
        counters.received.incrementAndGet();
        events.publish(new SmsReceived(now, key.sender(), body.toString(), smsc, key.total(), id.getAsLong(),
                partial));
        return true;
    }
}
