package dev.callstack.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callstack.server.internal.webhook.Webhooks;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /webhooks/{id}/redeliver {"event_id"}} (admin): queues a journal event again for the subscription,
 * due now (202); 404 for an unknown subscription or an event the journal does not hold. Thread-safe; blocks on
 * SQLite.
 */
final class WebhookRedeliverRoute implements Route {
    static final String INVALID_EVENT_ID = "'event_id' must be a positive integer";
    static final String NO_EVENT = "event not in the journal";

    private final Webhooks webhooks;

    WebhookRedeliverRoute(Webhooks webhooks) {
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
    }

    @Override
    public CompletableFuture<HttpReply> handle(RouteRequest request) {
        String id = RoutePaths.parameter(request.http().uri(), RoutePaths.WEBHOOK_REDELIVER);
        ObjectNode body = Json.object(request.http().content());
        JsonNode eventNode = body.get("event_id");
        if (eventNode == null || !eventNode.isIntegralNumber() || !eventNode.canConvertToLong()
                || eventNode.longValue() < 1) {
            throw HttpError.badRequest(INVALID_EVENT_ID);
        }
        long eventId = eventNode.longValue();
        HttpReply reply = switch (webhooks.redeliver(id, eventId)) {
            case QUEUED -> HttpReply.json(202, Json.write(g -> {
                g.writeStartObject();
                g.writeStringField("status", "queued");
                g.writeNumberField("event_id", eventId);
                g.writeEndObject();
            }));
            case NO_SUBSCRIPTION -> ErrorBody.reply(404, ErrorBody.NOT_FOUND);
            case NO_EVENT -> ErrorBody.reply(404, NO_EVENT);
        };
        return CompletableFuture.completedFuture(reply);
    }
}
