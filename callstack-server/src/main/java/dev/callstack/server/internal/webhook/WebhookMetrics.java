package dev.callstack.server.internal.webhook;

/** Where the dispatcher reports attempt results (the server's Prometheus metrics). Implementations never block. */
@FunctionalInterface
public interface WebhookMetrics {
    /**
     * One attempt ended.
     *
     * @param result {@link WebhookDeliveryStatus#DELIVERED}, {@link WebhookDeliveryStatus#FAILED} (retry scheduled)
     *               or {@link WebhookDeliveryStatus#DEAD}
     */
    void attempt(WebhookDeliveryStatus result);
}
