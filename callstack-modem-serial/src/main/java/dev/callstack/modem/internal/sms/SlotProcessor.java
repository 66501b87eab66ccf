package dev.callstack.modem.internal.sms;

import dev.callstack.core.CallstackException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A message read from a storage slot: hand it to the receiver, and free the slot ({@code AT+CMGD}) only when the
 * message is durably in the store (or was already). A failed delete is harmless: the next sweep finds the
 * fingerprint and deletes again without emitting anything.
 *
 * <p>Not thread-safe; confined to the SMS inbound thread.
 */
final class SlotProcessor {
    private static final Logger log = LoggerFactory.getLogger(SlotProcessor.class);

    private final InboundSmsReceiver receiver;
    private final ModemStorage storage;
    private final boolean deleteOutgoing;

    /** @param deleteOutgoing whether drafts and sent copies ({@code <stat>} 2/3, or an SMS-SUBMIT PDU) are deleted */
    SlotProcessor(InboundSmsReceiver receiver, ModemStorage storage, boolean deleteOutgoing) {
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.deleteOutgoing = deleteOutgoing;
    }

    /** {@code entry} was read from the current storage. */
    InboundOutcome process(StoredPdu entry) {
        InboundOutcome outcome = entry.outgoing() ? InboundOutcome.OUTGOING
                : receiver.accept(entry.pduHex(), new PduSource(storage.current(), entry.index()));
        if (outcome.mayDelete() || (outcome == InboundOutcome.OUTGOING && deleteOutgoing)) {
            try {
                storage.delete(entry.index());
            } catch (CallstackException e) {
                log.warn("Could not delete {} slot {} ({}); the next sweep retries", storage.current(),
                        entry.index(), e.getClass().getSimpleName());
            }
        }
        return outcome;
    }
}
