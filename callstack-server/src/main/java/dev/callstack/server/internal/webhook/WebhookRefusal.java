package dev.callstack.server.internal.webhook;

/** A subscription request refused with a fixed, caller-facing reason (never echoing the request). No stack trace. */
public final class WebhookRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * A refusal.
     *
     * @param reason the fixed reason
     */
    public WebhookRefusal(String reason) {
        super(reason, null, false, false);
    }
}
