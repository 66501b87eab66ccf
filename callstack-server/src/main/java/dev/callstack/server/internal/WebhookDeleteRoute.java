package dev.callstack.server.internal;

import dev.callstack.server.internal.webhook.Webhooks;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** {@code DELETE /webhooks/{id}} (admin): 204, or 404. Its deliveries go with it. Thread-safe; blocks on SQLite. */
final class WebhookDeleteRoute implements Route {
    private final Webhooks webhooks;

    WebhookDeleteRoute(Webhooks webhooks) {
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
    }

    @Override
    public CompletableFuture<HttpReply> handle(RouteRequest request) {
        String id = RoutePaths.parameter(request.http().uri(), RoutePaths.WEBHOOK);
        HttpReply reply = webhooks.delete(id) ? new HttpReply(204, HttpReply.JSON, new byte[0], List.of(), false)
                : ErrorBody.reply(404, ErrorBody.NOT_FOUND);
        return CompletableFuture.completedFuture(reply);
    }
}
