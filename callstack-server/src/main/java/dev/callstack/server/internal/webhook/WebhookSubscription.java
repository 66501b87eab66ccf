package dev.callstack.server.internal.webhook;

import java.util.List;
import java.util.Objects;

/**
 * One stored subscription. {@link #toString()} leaves the secret out.
 *
 * @param id            opaque id, {@code wh_...}, or {@value Webhooks#STATIC_ID} for {@code --webhook}
 * @param url           the target URL
 * @param events        the event names delivered; empty for every event
 * @param content       whether payloads are in the content view (else redacted)
 * @param secret        the {@code whsec_} secret the deliveries are signed with
 * @param createdAtMs   creation time, epoch milliseconds
 * @param createdBy     the creating key's id (0 for the static subscription)
 * @param enabled       false once it failed continuously for too long
 * @param failingSince  epoch milliseconds of the first failure since the last success; 0 when not failing
 * @param cursor        the id of the last journal event turned into a delivery
 */
public record WebhookSubscription(String id, String url, List<String> events, boolean content, String secret,
                                  long createdAtMs, int createdBy, boolean enabled, long failingSince, long cursor) {
    /** Copies the event list; requires the strings. */
    public WebhookSubscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        events = List.copyOf(events);
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "WebhookSubscription[" + id + "]";
    }
}
