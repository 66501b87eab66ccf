package dev.callstack.modem.internal.sms;

import dev.callstack.core.OutboxPriority;
import dev.callstack.core.OutboxStatus;
import dev.callstack.core.OutgoingSms;
import dev.callstack.core.store.MessageStore;
import dev.callstack.core.store.MessageStoreException;
import dev.callstack.core.store.OutboundMessage;
import dev.callstack.modem.store.NewOutboxMessage;
import dev.callstack.modem.store.OutboxStore;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the part loop writes down what it does: the outbox's state table on a SQLite store (in flight before
 * {@code AT+CMGS}, each reference as it comes, the final state), or the plain sent-message records of any other
 * {@link MessageStore} (references only, as before the outbox).
 *
 * <p>Implementations are thread-safe.
 */
interface SendLedger {
    /** Stores a direct ({@code sms().send}) message as sending, before its first part; returns its id. */
    long beginDirect(OutgoingSms sms, int parts, Instant now);

    /** Before part {@code part}'s {@code AT+CMGS}: it may leave from now on. Throws when it cannot be recorded. */
    void inFlight(long messageId, int part);

    /** Part {@code part} got {@code reference}; the last part makes the message sent. */
    void sent(long messageId, int part, int parts, int reference, Instant at);

    /** A direct send ended without every part sent. */
    void failedDirect(long messageId, OutboxStatus status, String error);

    /** The ledger for {@code store}: the outbox table when it has one. */
    static SendLedger of(MessageStore store, OutboxStore outbox) {
        return outbox != null ? new Outbox(outbox) : new Plain(store);
    }

    /** On the outbox table. Thread-safe. */
    final class Outbox implements SendLedger {
        private final OutboxStore store;

        Outbox(OutboxStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        @Override
        public long beginDirect(OutgoingSms sms, int parts, Instant now) {
            // A direct message is never re-encoded, so its concatenation reference is not needed again.
            return store.insertDirect(new NewOutboxMessage(sms, parts, 0, OutboxPriority.NORMAL, now, now, false,
                    true, now));
        }

        @Override
        public void inFlight(long messageId, int part) {
            store.partInFlight(messageId, part);
        }

        @Override
        public void sent(long messageId, int part, int parts, int reference, Instant at) {
            var unused = store.partSent(messageId, part, parts, reference, at);
        }

        @Override
        public void failedDirect(long messageId, OutboxStatus status, String error) {
            var unused = store.finish(messageId, status, error);
        }
    }

    /** On a store without an outbox: references only; a reference that cannot be recorded is logged. */
    final class Plain implements SendLedger {
        private static final Logger log = LoggerFactory.getLogger(Plain.class);
        private final MessageStore store;

        Plain(MessageStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        @Override
        public long beginDirect(OutgoingSms sms, int parts, Instant now) {
            return store.insertSent(new OutboundMessage(sms.to().value(), sms.body(), parts, now));
        }

        @Override
        public void inFlight(long messageId, int part) {
            // No state table: nothing to mark.
        }

        @Override
        public void sent(long messageId, int part, int parts, int reference, Instant at) {
            try {
                store.recordSentPart(messageId, part, reference, at);
            } catch (MessageStoreException e) {
                log.warn("Sent part {} of message {} not recorded: {}", part, messageId,
                        e.getClass().getSimpleName());
            }
        }

        @Override
        public void failedDirect(long messageId, OutboxStatus status, String error) {
            // No state table: the caller's exception is the record.
        }
    }
}
