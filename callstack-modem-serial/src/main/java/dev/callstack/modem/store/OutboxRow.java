package dev.callstack.modem.store;

import dev.callstack.core.OutboxEntry;
import dev.callstack.core.OutboxPart;
import dev.callstack.core.OutboxPriority;
import dev.callstack.core.OutboxStatus;
import dev.callstack.core.OutgoingSms;
import dev.callstack.core.PhoneNumber;
import dev.callstack.core.Redaction;
import dev.callstack.core.SmsEncoding;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One outbox message as the store keeps it: the sent message's row (same id) plus its sending state. What the
 * dispatcher needs to (re)encode it identically ({@code encoding}, {@code statusReport}, {@code validity},
 * {@code concatReference}) and what callers see ({@link #toEntry()}).
 *
 * @param messageId       the sent message's id
 * @param recipient       the number, as sent
 * @param body            the text
 * @param encoding        the requested encoding
 * @param statusReport    whether a delivery report was requested
 * @param validity        the network validity, or {@code null}
 * @param concatReference the concatenation reference every part carries (0–255), stable across retries
 * @param parts           the part count fixed at enqueue
 * @param status          where it stands
 * @param priority        the queue priority
 * @param direct          true for a message sent through {@code sms().send} (never queued, never retried)
 * @param dueAt           not sent before this instant
 * @param expiresAt       expires when still unsent at this instant
 * @param retryUnknown    whether an unanswered {@code AT+CMGS} is retried
 * @param attempts        how many times it was handed to the modem
 * @param inFlightPart    the part whose {@code AT+CMGS} may be out without its answer recorded, or {@code null}
 * @param partResults     one entry per part, in order
 * @param createdAt       when it was committed
 * @param sentAt          when its last part was accepted, or {@code null}
 * @param deliveredAt     when the last delivery report said delivered, or {@code null}
 * @param error           why it failed or was retried, or {@code null}
 */
public record OutboxRow(long messageId, String recipient, String body, SmsEncoding encoding, boolean statusReport,
                        Duration validity, int concatReference, int parts, OutboxStatus status,
                        OutboxPriority priority, boolean direct, Instant dueAt, Instant expiresAt,
                        boolean retryUnknown, int attempts, Integer inFlightPart, List<OutboxPart> partResults,
                        Instant createdAt, Instant sentAt, Instant deliveredAt, String error) {
    /**
     * Validates the required fields and copies {@code partResults}.
     *
     * @param messageId       the sent message's id
     * @param recipient       the number
     * @param body            the text
     * @param encoding        the requested encoding
     * @param statusReport    whether a report was requested
     * @param validity        or {@code null}
     * @param concatReference 0–255
     * @param parts           1–255
     * @param status          where it stands
     * @param priority        the queue priority
     * @param direct          whether it came through {@code sms().send}
     * @param dueAt           not before
     * @param expiresAt       expiry
     * @param retryUnknown    whether an unanswered {@code AT+CMGS} is retried
     * @param attempts        hand-overs so far
     * @param inFlightPart    or {@code null}
     * @param partResults     one per part
     * @param createdAt       commit time
     * @param sentAt          or {@code null}
     * @param deliveredAt     or {@code null}
     * @param error           or {@code null}
     */
    public OutboxRow {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(createdAt, "createdAt");
        partResults = List.copyOf(partResults);
    }

    /**
     * The message to (re)encode: the same text, recipient and options as at enqueue.
     *
     * @return the outgoing SMS
     */
    public OutgoingSms sms() {
        return new OutgoingSms(PhoneNumber.of(recipient), body, encoding, statusReport, validity);
    }

    /**
     * How many leading parts the network already has (their references are recorded).
     *
     * @return 0 to {@link #parts()}
     */
    public int partsSent() {
        int n = 0;
        for (OutboxPart p : partResults) {
            if (!p.left()) {
                break;
            }
            n++;
        }
        return n;
    }

    /**
     * The references of the parts that left, in part order.
     *
     * @return the TP-MRs
     */
    public List<Integer> references() {
        return partResults.stream().filter(OutboxPart::left).map(OutboxPart::reference).toList();
    }

    /**
     * The public view.
     *
     * @return the entry callers see
     */
    public OutboxEntry toEntry() {
        return new OutboxEntry(messageId, PhoneNumber.of(recipient), body, status, partResults, attempts, createdAt,
                sentAt, deliveredAt, error);
    }

    /** No number in clear, no body. */
    @Override
    public String toString() {
        return "OutboxRow[id=" + messageId + ", to=" + Redaction.phone(recipient) + ", status=" + status + ", parts="
                + parts + ", sent=" + partsSent() + ", attempts=" + attempts + ", inFlight=" + inFlightPart + "]";
    }
}
