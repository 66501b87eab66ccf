package dev.callstack.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callstack.realtime.EventNames;
import dev.callstack.server.Privilege;
import dev.callstack.server.internal.webhook.WebhookRefusal;
import dev.callstack.server.internal.webhook.Webhooks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /webhooks {"url","events":[...],"content":false}} (admin): 201 with the id and the secret, shown this
 * once. No or empty {@code events} means every event. {@code content: true} needs the {@code content} privilege.
 * Resolves the URL's host (SSRF guard): run it off the event loop. Thread-safe.
 */
final class WebhookCreateRoute implements Route {
    static final String INVALID_EVENTS = "'events' must be an array of event names";
    static final String INVALID_CONTENT = "'content' must be true or false";

    private final Webhooks webhooks;

    WebhookCreateRoute(Webhooks webhooks) {
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
    }

    @Override
    public CompletableFuture<HttpReply> handle(RouteRequest request) {
        ObjectNode body = Json.object(request.http().content());
        String url = Json.nonEmptyText(body, "url");
        if (url == null) {
            throw HttpError.badRequest("missing 'url'");
        }
        List<String> events = events(body.get("events"));
        JsonNode contentNode = body.get("content");
        if (contentNode != null && !contentNode.isNull() && !contentNode.isBoolean()) {
            throw HttpError.badRequest(INVALID_CONTENT);
        }
        boolean content = contentNode != null && contentNode.booleanValue();
        if (content && !request.caller().has(Privilege.CONTENT)) {
            return CompletableFuture.completedFuture(ErrorBody.missingPrivilege(Privilege.CONTENT.wireName()));
        }
        Webhooks.Created created = create(webhooks, url, events, content, request.caller());
        byte[] reply = Json.write(g -> {
            g.writeStartObject();
            WebhookJson.writeSubscriptionFields(g, created.subscription());
            g.writeStringField("secret", created.secret());
            g.writeEndObject();
        });
        return CompletableFuture.completedFuture(HttpReply.json(201, reply));
    }

    /** Creates through {@code webhooks}, a refusal becoming a 400 with its fixed reason. */
    static Webhooks.Created create(Webhooks webhooks, String url, List<String> events, boolean content,
                                   Caller caller) {
        try {
            return webhooks.create(url, events, content, caller.keyId());
        } catch (WebhookRefusal refused) {
            throw HttpError.badRequest(refused.getMessage());
        }
    }

    private static List<String> events(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > EventNames.supported().size()) {
            throw HttpError.badRequest(INVALID_EVENTS);
        }
        List<String> events = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual() || !EventNames.isSupported(item.textValue())) {
                throw HttpError.badRequest(INVALID_EVENTS);
            }
            events.add(item.textValue());
        }
        return events;
    }
}
