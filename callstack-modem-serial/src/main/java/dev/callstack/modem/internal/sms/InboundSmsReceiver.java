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
import dev.callstack.core.store.UndecodablePdu;
import dev.callstack.modem.internal.ModemStateHolder;
import dev.callstack.modem.pdu.Concatenation;
import dev.callstack.modem.pdu.DecodedPdu;
import dev.callstack.modem.pdu.PduDecoder;
import dev.callstack.modem.pdu.PduFormatException;
import dev.callstack.modem.pdu.SmsDeliver;
import dev.callstack.modem.pdu.SmsStatusReport;
import dev.callstack.modem.pdu.SmsSubmit;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inbound PDU, wherever it came from: fingerprint (source + PDU) → decode → store with the fingerprint in the
 * same transaction → publish. A fingerprint already in the store means the PDU was handled before (a crash between
 * store and delete, a reconnect sweep): nothing is emitted and the caller may free the slot. A PDU that does not
 * decode is kept in the store with its reason, logged once (no content), counted, and reported as
 * {@link InboundOutcome#UNDECODABLE_KEPT} so the slot is freed; only when the store fails does it stay on the modem.
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
    private final ModemStateHolder status;

    InboundSmsReceiver(MessageStore store, EventBus events, Clock clock, MultipartAssembler multipart,
                       DeliveryReportCorrelator reports, SmsCounters counters, ModemStateHolder status) {
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.multipart = Objects.requireNonNull(multipart, "multipart");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.status = Objects.requireNonNull(status, "status");
    }

    InboundOutcome accept(String rawPdu, PduSource source) {
        String pdu = StoredPduParser.normalise(rawPdu);
        String fingerprint = MessageFingerprint.of(source.storage(), source.index(), pdu);
        DecodedPdu decoded;
        try {
            decoded = PduDecoder.decode(pdu);
        } catch (PduFormatException e) {
            return undecodable(fingerprint, pdu, source, e);
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

    /**
     * A text-mode {@code +CMT}: the modem decoded the message itself; the sender, the time stamp and the text are
     * stored as given. Its fingerprint is over the three fields (there is no PDU), so a redelivery is recognised.
     */
    InboundOutcome acceptText(String originator, String scts, String text) {
        String fields = originator + '\n' + scts + '\n' + text;
        String fingerprint = MessageFingerprint.of(PduSource.DIRECT_MESSAGE + "-TEXT", -1,
                HexFormat.of().formatHex(fields.getBytes(StandardCharsets.UTF_8)));
        String sender = originator.isBlank() ? Redaction.UNKNOWN : originator;
        Instant smsc = TextModeTimestamp.parse(scts).orElse(null);
        if (smsc == null && !scts.isBlank()) {
            log.warn("Text-mode +CMT time stamp not understood; stored without it");
        }
        try {
            return storeSingle(fingerprint, sender, text, smsc);
        } catch (MessageStoreException e) {
            counters.storeFailures.incrementAndGet();
            log.error("Could not store the text-mode message: {}", e.getClass().getSimpleName());
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
        return storeSingle(fingerprint, sender, deliver.text(), smsc);
    }

    private InboundOutcome storeSingle(String fingerprint, String sender, String text, Instant smsc) {
        Instant now = clock.instant();
        OptionalLong id = store.storeReceived(fingerprint, new InboundMessage(sender, text, now, smsc, 1, false));
        if (id.isEmpty()) {
            counters.duplicates.incrementAndGet();
            return InboundOutcome.DUPLICATE_MESSAGE;
        }
        counters.received.incrementAndGet();
        log.debug("SMS {} stored from {}", id.getAsLong(), Redaction.phone(sender));
        events.publish(new SmsReceived(now, sender, text, smsc, 1, id.getAsLong()));
        return InboundOutcome.MESSAGE;
    }

    /**
     * Kept in the store (raw hex, reason, where, when) and then, like any stored message, deleted from the modem:
     * left there it would fill the SIM. Counted once per PDU (a second sweep of the same slot finds its fingerprint).
     */
    private InboundOutcome undecodable(String fingerprint, String pdu, PduSource source, PduFormatException e) {
        counters.undecodable.incrementAndGet();
        boolean first;
        try {
            first = store.storeUndecodable(fingerprint, new UndecodablePdu(source.storage(), source.index(), pdu,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), clock.instant()));
        } catch (MessageStoreException storeFailure) {
            counters.storeFailures.incrementAndGet();
            log.error("Could not keep the undecodable PDU from {}; it stays on the modem: {}", source,
                    storeFailure.getClass().getSimpleName());
            return InboundOutcome.UNDECODABLE;
        }
        if (first) {
            status.undecodable();
            // The reason names a field and an offset, never content.
            log.warn("Undecodable PDU from {} kept in the store and freed on the modem: {}", source, e.getMessage());
        }
        return InboundOutcome.UNDECODABLE_KEPT;
    }
}
