package dev.callstack.testkit;

import dev.callstack.core.PhoneNumber;
import dev.callstack.core.SmsSendResult;
import dev.callstack.core.StoredDeliveryReport;
import dev.callstack.core.StoredSms;
import dev.callstack.core.event.DeliveryStatus;
import dev.callstack.core.event.SmsDeliveryReport;
import dev.callstack.core.event.SmsReceived;
import dev.callstack.core.store.Recipients;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What the real SQLite store would hold for the fake modem: the inbox, the status reports and the accepted outgoing
 * messages, each with ids 1, 2, 3... Records and returns the event to publish; publishing is the caller's job.
 *
 * <p>Thread-safe.
 */
final class FakeSmsStore {
    private final Clock clock;
    private final List<StoredSms> inbox = new ArrayList<>();
    private final List<StoredDeliveryReport> reports = new ArrayList<>();
    private final List<SmsSendResult> sentMessages = new ArrayList<>();
    private long nextInboxId = 1;
    private long nextReportId = 1;
    private long nextMessageId = 1;

    FakeSmsStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    synchronized SmsReceived receive(String from, String body, int parts) {
        Instant now = clock.instant();
        // SMSC time stamps have second resolution.
        SmsReceived event = new SmsReceived(now, from, body, now.truncatedTo(ChronoUnit.SECONDS), parts, nextInboxId);
        inbox.add(new StoredSms(nextInboxId, from, body, now, event.smscTimestamp(), parts, false));
        nextInboxId++;
        return event;
    }

    /**
     * Stores a status report correlated with the newest sent message that has this reference and recipient (the same
     * number in any form, by {@link Recipients#sameRecipient}, as the real store correlates).
     */
    synchronized SmsDeliveryReport report(int reference, String recipient, DeliveryStatus status) {
        Objects.requireNonNull(status, "status");
        Long messageId = correlate(reference, recipient);
        SmsDeliveryReport event =
                new SmsDeliveryReport(clock.instant(), reference, recipient, status, rawStatus(status), messageId);
        reports.add(new StoredDeliveryReport(nextReportId++, reference, recipient, status, event.rawStatus(),
                event.timestamp(), messageId));
        return event;
    }

    /** An accepted send, under the next message id. */
    synchronized SmsSendResult accept(PhoneNumber to, List<Integer> references) {
        SmsSendResult sent = new SmsSendResult(nextMessageId++, to, references);
        sentMessages.add(sent);
        return sent;
    }

    synchronized List<SmsSendResult> sentMessages() {
        return List.copyOf(sentMessages);
    }

    /** Newest first, up to {@code limit}, only ids below {@code beforeId} when given. */
    List<StoredSms> received(int limit, OptionalLong beforeId) {
        List<StoredSms> page = new ArrayList<>(Math.min(limit, 64));
        synchronized (this) {
            for (int i = inbox.size() - 1; i >= 0 && page.size() < limit; i--) {
                StoredSms stored = inbox.get(i);
                if (beforeId.isEmpty() || stored.id() < beforeId.getAsLong()) {
                    page.add(stored);
                }
            }
        }
        return List.copyOf(page);
    }

    /** Newest first, up to {@code limit}. */
    List<StoredDeliveryReport> deliveryReports(int limit) {
        List<StoredDeliveryReport> page = new ArrayList<>(Math.min(limit, 64));
        synchronized (this) {
            for (int i = reports.size() - 1; i >= 0 && page.size() < limit; i--) {
                page.add(reports.get(i));
            }
        }
        return List.copyOf(page);
    }

    /** Caller holds the lock. */
    private Long correlate(int reference, String recipient) {
        for (int i = sentMessages.size() - 1; i >= 0; i--) {
            SmsSendResult sent = sentMessages.get(i);
            if (sent.references().contains(reference)
                    && Recipients.sameRecipient(sent.recipient().value(), recipient)) {
                return sent.messageId();
            }
        }
        return null;
    }

    /** The raw TP-ST: 0x00 delivered, 0x20 pending, 0x40 failed, -1 unknown. */
    private static int rawStatus(DeliveryStatus status) {
        return switch (status) {
            case DELIVERED -> 0x00;
            case PENDING -> 0x20;
            case FAILED -> 0x40;
            case UNKNOWN -> -1;
        };
    }
}
