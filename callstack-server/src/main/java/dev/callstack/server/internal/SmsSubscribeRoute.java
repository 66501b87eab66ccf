package dev.callstack.server.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callstack.realtime.EventNames;
import dev.callstack.server.internal.webhook.Webhooks;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /sms/subscribe {"url"}} (admin), the original Callstack's route: an {@code sms.received} webhook in
 * the redacted view. Answers the original {@code {"status":"subscribed","url":...}} plus the new {@code id} and
 * {@code secret}. Thread-safe; resolves the host, so it runs off the event loop.
 */
final class SmsSubscribeRoute implements Route {
    private final Webhooks webhooks;

    SmsSubscribeRoute(Webhooks webhooks) {
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
    }

    @Override
    public CompletableFuture<HttpReply> handle(RouteRequest request) {
        ObjectNode body = Json.object(request.http().content());
        String url = Json.nonEmptyText(body, "url");
        if (url == null) {
            throw HttpError.badRequest("missing 'url'");
        }
        Webhooks.Created created = WebhookCreateRoute.create(webhooks, url, List.of(EventNames.SMS_RECEIVED), false,
                request.caller());
        byte[] reply = Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("status", "subscribed");
            g.writeStringField("url", created.subscription().url());
            g.writeStringField("id", created.subscription().id());
            g.writeStringField("secret", created.secret());
            g.writeEndObject();
        });
        return CompletableFuture.completedFuture(HttpReply.json(200, reply));
    }
}
