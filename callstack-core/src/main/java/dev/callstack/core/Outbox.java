package dev.callstack.core;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * A durable queue of outgoing SMS: {@link #enqueue} commits the message before anything is sent, and a dispatcher
 * sends committed messages in order of priority and due time, at the configured rate, retrying transient failures
 * with backoff. After a crash at any moment every queued message is sent exactly once, except one whose
 * {@code AT+CMGS} was in flight, which becomes {@link OutboxStatus#UNKNOWN} — never a duplicate.
 *
 * <p>Thread-safe.
 */
public interface Outbox {
    /** The largest page {@link #list} returns. */
    int MAX_PAGE = SmsApi.MAX_PAGE;

    /**
     * Validates, encodes and commits a message (status {@link OutboxStatus#QUEUED}), or returns the message an earlier
     * request with the same idempotency key committed.
     *
     * @param request the message and its options; not null
     * @return the committed (or replayed) message
     * @throws InvalidRequestException       for a message that cannot be sent (unencodable text, too many parts)
     * @throws IdempotencyConflictException  when the key was used for a different request within its window
     * @throws ModemUnavailableException     when the store cannot commit it
     */
    OutboxReceipt enqueue(OutboxRequest request);

    /**
     * The receipt {@link #enqueue} would replay for this request's idempotency key, committing nothing: a caller that
     * must take something before it commits (a daily quota) recognises a retry first, so a retry of a message that
     * spent the last of the quota still gets the first answer.
     *
     * @param request the message and its options; not null
     * @return the earlier message's receipt ({@link OutboxReceipt#replayed()} true), or empty when the request has no
     *         idempotency key or its key is new within its window
     * @throws IdempotencyConflictException when the key was used for a different request within its window
     * @throws ModemUnavailableException    when the store cannot be read
     */
    Optional<OutboxReceipt> replay(OutboxRequest request);

    /**
     * One message.
     *
     * @param messageId its id
     * @return the message as it stands, or empty when there is no such id
     */
    Optional<OutboxEntry> find(long messageId);

    /**
     * Messages newest first.
     *
     * @param status   only this state, or {@code null} for all
     * @param limit    1–{@value #MAX_PAGE}
     * @param beforeId only ids below this one (paging), or empty for the newest
     * @return at most {@code limit} messages, newest first
     */
    List<OutboxEntry> list(OutboxStatus status, int limit, OptionalLong beforeId);

    /**
     * Cancels a queued message.
     *
     * @param messageId its id
     * @return the message, now {@link OutboxStatus#CANCELLED}; empty when there is no such id
     * @throws IllegalStateException when it is no longer queued (the server answers 409)
     */
    Optional<OutboxEntry> cancel(long messageId);

    /**
     * Completes when the message reaches a final state ({@link OutboxStatus#isFinal()}; {@link OutboxStatus#SENT}
     * counts as final here); completes at once when it already has. Callers bound the wait themselves.
     *
     * @param messageId its id
     * @return the message in its final state; fails with {@link InvalidRequestException} for an unknown id
     */
    CompletableFuture<OutboxEntry> awaitFinal(long messageId);

    /**
     * What is still to send, for gauges: one cheap count over the pending messages (not meant per request).
     *
     * @return the pending count and the oldest pending message's commit time
     */
    OutboxBacklog backlog();
}
