package dev.callstack.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A message to commit to the {@link Outbox}.
 *
 * @param sms            the text, recipient and encoding
 * @param sendAt         not before this instant, or {@code null} for as soon as possible
 * @param ttl            how long it may wait in the queue before it {@link OutboxStatus#EXPIRED expires}; positive
 * @param priority       {@link OutboxPriority#HIGH} jumps the queue
 * @param retryUnknown   whether a message whose {@code AT+CMGS} got no answer is sent again (it may arrive twice);
 *                       false by default: it becomes {@link OutboxStatus#UNKNOWN}
 * @param idempotencyKey the caller's key, already scoped to the caller (e.g. {@code "<api key id>:<header>"}), or
 *                       {@code null}; the same key within {@link #IDEMPOTENCY_WINDOW} returns the first message
 */
public record OutboxRequest(OutgoingSms sms, Instant sendAt, Duration ttl, OutboxPriority priority,
                            boolean retryUnknown, String idempotencyKey) {
    /** The default time to live: one day. */
    public static final Duration DEFAULT_TTL = Duration.ofDays(1);
    /** How long an idempotency key is remembered. */
    public static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    /**
     * Validates that {@code sms}, {@code ttl} and {@code priority} are set and the ttl is positive; violations are
     * {@link InvalidRequestException}s.
     *
     * @param sms            the text, recipient and encoding
     * @param sendAt         not before this instant, or {@code null}
     * @param ttl            positive time to live
     * @param priority       the queue priority
     * @param retryUnknown   whether an unanswered {@code AT+CMGS} is retried
     * @param idempotencyKey the caller-scoped key, or {@code null}
     */
    public OutboxRequest {
        Objects.requireNonNull(sms, "sms");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(priority, "priority");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new InvalidRequestException("ttl must be positive");
        }
        if (idempotencyKey != null && idempotencyKey.isEmpty()) {
            throw new InvalidRequestException("idempotency key must not be empty");
        }
    }

    /**
     * As soon as possible, normal priority, the default time to live, no idempotency key.
     *
     * @param sms the message; not null
     * @return the request
     */
    public static OutboxRequest of(OutgoingSms sms) {
        return new OutboxRequest(sms, null, DEFAULT_TTL, OutboxPriority.NORMAL, false, null);
    }

    /** No body and no key ({@link OutgoingSms} redacts itself; the key may identify the caller). */
    @Override
    public String toString() {
        return "OutboxRequest[sms=" + sms + ", sendAt=" + sendAt + ", ttl=" + ttl + ", priority=" + priority
                + ", retryUnknown=" + retryUnknown + ", idempotencyKey=" + (idempotencyKey == null ? "none" : "set")
                + "]";
    }
}
