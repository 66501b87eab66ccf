package dev.callstack.server.internal.webhook;

import java.util.Objects;

/**
 * One event for one subscription, as stored.
 *
 * @param subscription   the subscription id
 * @param eventId        the journal event id, also the {@code webhook-id}
 * @param status         where it stands
 * @param attempts       attempts made
 * @param nextAttemptMs  when the next attempt is due (epoch milliseconds); meaningless once final
 * @param lastStatusCode the receiver's last HTTP status; 0 when there was none
 * @param lastError      a fixed description of the last failure (never a URL or body), or null
 * @param createdAtMs    when the delivery was queued; retries stop {@code retryFor} after it
 * @param updatedAtMs    the last change
 */
public record WebhookDelivery(String subscription, long eventId, WebhookDeliveryStatus status, int attempts,
                              long nextAttemptMs, int lastStatusCode, String lastError, long createdAtMs,
                              long updatedAtMs) {
    /** Requires the subscription and status. */
    public WebhookDelivery {
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(status, "status");
    }
}
