package dev.callstack.modem.internal.sms;

import dev.callstack.core.Redaction;
import dev.callstack.core.event.DeliveryStatus;
import dev.callstack.core.event.EventBus;
import dev.callstack.core.event.SmsDeliveryReport;
import dev.callstack.core.store.DeliveryReportRecord;
import dev.callstack.core.store.MessageStore;
import dev.callstack.core.store.SentPart;
import dev.callstack.modem.pdu.SmsStatusReport;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches a status report to the sent part it is about by (TP-MR, recipient) — the most recent such part, since
 * TP-MR wraps every 256 messages; a part still between its {@code AT+CMGS} and its record is waited for, bounded
 * (see {@link SendsInFlight}) — stores the report and the part's new status in one transaction, then publishes
 * {@link SmsDeliveryReport} with the message id (null when nothing matched).
 *
 * <p>Not thread-safe; confined to the SMS inbound thread.
 */
final class DeliveryReportCorrelator {
    private static final Logger log = LoggerFactory.getLogger(DeliveryReportCorrelator.class);

    private final MessageStore store;
    private final EventBus events;
    private final Clock clock;
    private final SmsCounters counters;
    private final SendsInFlight inFlight;

    DeliveryReportCorrelator(MessageStore store, EventBus events, Clock clock, SmsCounters counters,
                             SendsInFlight inFlight) {
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.inFlight = Objects.requireNonNull(inFlight, "inFlight");
    }

    InboundOutcome accept(String fingerprint, SmsStatusReport report) {
        String recipient = report.recipient().value();
        int reference = report.messageReference();
        Optional<SentPart> part = inFlight.find(() -> store.findSentPart(reference, recipient));
        DeliveryStatus status = DeliveryStatus.fromTpStatus(report.status());
        Long messageId = part.map(SentPart::messageId).orElse(null);
        Instant now = clock.instant();
        OptionalLong id = store.storeDeliveryReport(fingerprint, new DeliveryReportRecord(reference, recipient,
                status, report.status(), now, messageId, part.map(SentPart::part).orElse(null)));
        if (id.isEmpty()) {
            counters.duplicates.incrementAndGet();
            return InboundOutcome.DUPLICATE_REPORT;
        }
        counters.reports.incrementAndGet();
        if (messageId == null) {
            log.info("Delivery report ref {} for {} matches no sent message", reference, Redaction.phone(recipient));
        } else {
            log.debug("Delivery report ref {} → message {}: {}", reference, messageId, status);
        }
        events.publish(new SmsDeliveryReport(now, reference, recipient, status, report.status(), messageId));
        return InboundOutcome.REPORT;
    }
}
