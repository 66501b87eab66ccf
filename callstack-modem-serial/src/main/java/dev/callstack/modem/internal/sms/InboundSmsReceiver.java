package dev.callstack.modem.internal.sms;

import dev.callstack.core.Redaction;
import dev.callstack.core.event.EventBus;
import dev.callstack.core.event.SmsReceived;
import dev.callstack.core.store.InboundMessage;
import dev.callstack.core.store.MessageFingerprint;
import dev.callstack.core.store.MessageStore;
import dev.callstack.core.store.MessageStoreException;
import dev.callstack.core.store.PartGroupKey;
import dev.callstack.core.store.PendingPart;
import dev.callstack.modem.pdu.Concatenation;
import dev.callstack.modem.pdu.DecodedPdu;
import dev.callstack.modem.pdu.PduDecoder;
import dev.callstack.modem.pdu.PduFormatException;
import dev.callstack.modem.pdu.SmsDeliver;
import dev.callstack.modem.pdu.SmsStatusReport;
import dev.callstack.modem.pdu.SmsSubmit;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inbound PDU, wherever it came from: fingerprint (source + PDU) → decode → store with the fingerprint in the
 * same transaction → publish. A fingerprint already in the store means the PDU was handled before (a crash between
 * store and delete, a reconnect sweep): nothing is emitted and the caller may free the slot. A PDU that does not
 * decode is logged once (no content), counted and reported as {@link InboundOutcome#UNDECODABLE} so it stays on
 * the modem.
 *
 * <p>Not thread-safe; confined to the SMS inbound thread.
 */
final class InboundSmsReceiver {
    private static final Logger log = LoggerFactory.getLogger(InboundSmsReceiver.class);

    private final MessageStore store;
    private final EventBus events;
    private final Clock clock;
    private final MultipartAssembler multipart;
    private final DeliveryReportCorrelator reports;
    private final SmsCounters counters;

    InboundSmsReceiver(MessageStore store, EventBus events, Clock clock, MultipartAssembler multipart,
                       DeliveryReportCorrelator reports, SmsCounters counters) {
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.multipart = Objects.requireNonNull(multipart, "multipart");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    InboundOutcome accept(String rawPdu, PduSource source) {
        String pdu = StoredPduParser.normalise(rawPdu);
        String fingerprint = MessageFingerprint.of(source.storage(), source.index(), pdu);
        DecodedPdu decoded;
        try {
            decoded = PduDecoder.decode(pdu);
        } catch (PduFormatException e) {
            return undecodable(fingerprint, source, e);
        }
        if (decoded.zoneUnknown()) {
            // Real service centres send zone octets that are not BCD; the PDU is kept with its time read as UTC.
            log.info("PDU from {} has an unreadable time zone; its timestamps are taken as UTC", source);
        }
        try {
            if (decoded instanceof SmsDeliver deliver) {
                return deliver(fingerprint, deliver);
            }
            if (decoded instanceof SmsStatusReport report) {
                return reports.accept(fingerprint, report);
            }
            if (decoded instanceof SmsSubmit) {
                return InboundOutcome.OUTGOING;
            }
            return InboundOutcome.UNDECODABLE;
        } catch (MessageStoreException e) {
            counters.storeFailures.incrementAndGet();
            log.error("Could not store the message from {}; it stays on the modem: {}", source,
                    e.getClass().getSimpleName());
            return InboundOutcome.STORE_FAILED;
        }
    }

    private InboundOutcome deliver(String fingerprint, SmsDeliver deliver) {
        String sender = deliver.originator().value().isBlank() ? Redaction.UNKNOWN : deliver.originator().value();
        Instant smsc = deliver.serviceCentreTimestamp().toInstant();
        Instant now = clock.instant();
        if (deliver.concatenation().isPresent() && deliver.concatenation().get().total() > 1) {
            Concatenation c = deliver.concatenation().get();
            PartGroupKey key = new PartGroupKey(sender, c.reference(), c.total(), c.sixteenBitReference());
            InboundOutcome outcome = multipart.accept(fingerprint,
                    new PendingPart(key, c.sequence(), deliver.text(), smsc, now));
            if (outcome == InboundOutcome.DUPLICATE_MESSAGE) {
                counters.duplicates.incrementAndGet();
            }
            return outcome;
        }
        OptionalLong id = store.storeReceived(fingerprint, new InboundMessage(sender, deliver.text(), now, smsc, 1,
                false));
        if (id.isEmpty()) {
            counters.duplicates.incrementAndGet();
            return InboundOutcome.DUPLICATE_MESSAGE;
        }
        counters.received.incrementAndGet();
        log.debug("SMS {} stored from {}", id.getAsLong(), Redaction.phone(sender));
        events.publish(new SmsReceived(now, sender, deliver.text(), smsc, 1, id.getAsLong()));
        return InboundOutcome.MESSAGE;
    }

    private InboundOutcome undecodable(String fingerprint, PduSource source, PduFormatException e) {
        counters.undecodable.incrementAndGet();
        boolean first;
        try {
            first = store.markSeen(fingerprint, clock.instant());
        } catch (MessageStoreException storeFailure) {
            first = true;
        }
        if (first) {
            // The reason names a field and an offset, never content.
            log.warn("Undecodable PDU from {} kept on the modem: {}", source, e.getMessage());
        }
        return InboundOutcome.UNDECODABLE;
    }
}
