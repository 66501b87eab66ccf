package dev.callstack.server.internal;

import dev.callstack.server.internal.webhook.WebhookDelivery;
import dev.callstack.server.internal.webhook.WebhookDeliveryStatus;
import dev.callstack.server.internal.webhook.Webhooks;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /webhooks/{id}/deliveries?status=pending|failed|dead|delivered&limit=} (admin): newest event first.
 * Thread-safe; blocks on SQLite.
 */
final class WebhookDeliveriesRoute implements Route {
    static final String INVALID_STATUS = "invalid 'status': pending, failed, dead or delivered";

    private final Webhooks webhooks;

    WebhookDeliveriesRoute(Webhooks webhooks) {
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
    }

    @Override
    public CompletableFuture<HttpReply> handle(RouteRequest request) {
        String id = RoutePaths.parameter(request.http().uri(), RoutePaths.WEBHOOK_DELIVERIES);
        int limit = QueryParams.pageLimit(request.query("limit"));
        String wanted = request.query("status");
        WebhookDeliveryStatus status = wanted == null ? null : WebhookDeliveryStatus.ofWire(wanted);
        if (wanted != null && status == null) {
            throw HttpError.badRequest(INVALID_STATUS);
        }
        List<WebhookDelivery> deliveries = webhooks.deliveries(id, status, limit);
        if (deliveries == null) {
            return CompletableFuture.completedFuture(ErrorBody.reply(404, ErrorBody.NOT_FOUND));
        }
        byte[] body = Json.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("deliveries");
            for (WebhookDelivery d : deliveries) {
                WebhookJson.writeDelivery(g, d);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
        return CompletableFuture.completedFuture(HttpReply.json(200, body));
    }
}
