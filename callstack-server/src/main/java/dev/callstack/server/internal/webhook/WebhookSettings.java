package dev.callstack.server.internal.webhook;

import java.net.URI;
import java.util.Objects;

/**
 * The server's webhook configuration: the optional static subscription of {@code --webhook}, whether private
 * addresses may be called, and the timing.
 *
 * @param staticUrl     {@code --webhook}, or null for none
 * @param staticSecret  its {@code whsec_} secret (from {@code CALLSTACK_WEBHOOK_SECRET}); null exactly when
 *                      {@code staticUrl} is
 * @param staticContent whether the static subscription gets the content view ({@code --webhook-content})
 * @param allowPrivate  {@code --webhook-allow-private}: loopback, private, link-local and CGNAT targets allowed
 * @param timing        clock and durations
 */
public record WebhookSettings(URI staticUrl, String staticSecret, boolean staticContent, boolean allowPrivate,
                              WebhookTiming timing) {
    /** Validates that a static URL comes with a well-formed secret. */
    public WebhookSettings {
        Objects.requireNonNull(timing, "timing");
        if ((staticUrl == null) != (staticSecret == null)) {
            throw new IllegalArgumentException("a static webhook needs both a URL and a secret");
        }
        if (staticSecret != null) {
            WebhookSecret.key(staticSecret); // refused with a message that does not echo it
        }
    }

    /**
     * No static subscription, public targets only, production timing.
     *
     * @return the defaults
     */
    public static WebhookSettings defaults() {
        return new WebhookSettings(null, null, false, false, WebhookTiming.defaults());
    }

    /**
     * This configuration with other timing (tests).
     *
     * @param other the timing to use
     * @return a copy
     */
    public WebhookSettings withTiming(WebhookTiming other) {
        return new WebhookSettings(staticUrl, staticSecret, staticContent, allowPrivate, other);
    }
}
