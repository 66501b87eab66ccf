package dev.callstack.server.internal;

import dev.callstack.server.internal.webhook.WebhookSubscription;
import dev.callstack.server.internal.webhook.Webhooks;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** {@code GET /webhooks} (admin): every subscription with its state, never a secret. Thread-safe; blocks on SQLite. */
final class WebhookListRoute implements Route {
    private final Webhooks webhooks;

    WebhookListRoute(Webhooks webhooks) {
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
    }

    @Override
    public CompletableFuture<HttpReply> handle(RouteRequest request) {
        List<WebhookSubscription> subscriptions = webhooks.list();
        byte[] body = Json.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("webhooks");
            for (WebhookSubscription s : subscriptions) {
                WebhookJson.writeSubscription(g, s);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
        return CompletableFuture.completedFuture(HttpReply.json(200, body));
    }
}
