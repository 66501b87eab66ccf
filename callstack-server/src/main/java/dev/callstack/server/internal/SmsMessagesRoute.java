package dev.callstack.server.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callstack.core.Modem;
import dev.callstack.core.Redaction;
import dev.callstack.core.SmsApi;
import dev.callstack.core.StoredSms;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/** {@code GET /sms/messages?limit=&before=}: stored inbound messages, newest first, paged by id. Thread-safe. */
final class SmsMessagesRoute implements Route {
    static final int DEFAULT_LIMIT = 50;
    static final ModemErrors ERRORS = new ModemErrors("invalid 'limit'", "message store timed out",
            "message store failed");

    private final Modem modem;

    SmsMessagesRoute(Modem modem) {
        this.modem = Objects.requireNonNull(modem, "modem");
    }

    @Override
    public CompletableFuture<HttpReply> handle(RouteRequest request) {
        int limit = QueryParams.intInRange(request.query("limit"), DEFAULT_LIMIT, 1, SmsApi.MAX_PAGE,
                "invalid 'limit'");
        long before = QueryParams.positiveLong(request.query("before"), "invalid 'before'");
        List<StoredSms> messages;
        try {
            messages = modem.sms().received(limit, before < 0 ? OptionalLong.empty() : OptionalLong.of(before));
        } catch (RuntimeException failure) {
            return CompletableFuture.completedFuture(ERRORS.replyOrRethrow(failure));
        }
        boolean content = request.caller().content();
        ObjectNode json = Json.MAPPER.createObjectNode();
        ArrayNode items = json.putArray("messages");
        for (StoredSms sms : messages) {
            ObjectNode item = items.addObject()
                    .put("id", sms.id())
                    .put("sender", content ? sms.sender() : Redaction.phone(sms.sender()))
                    .put("body", content ? sms.body() : Redaction.text(sms.body()))
                    .put("body_length", sms.body().codePointCount(0, sms.body().length()))
                    .put("received_at", sms.receivedAt().toString());
            item.put("smsc_timestamp", sms.smscTimestamp() == null ? null : sms.smscTimestamp().toString());
            item.put("parts", sms.parts()).put("partial", sms.partial());
        }
        if (!messages.isEmpty() && messages.size() == limit) {
            json.put("next_before", messages.get(messages.size() - 1).id());
        } else {
            json.putNull("next_before");
        }
        return CompletableFuture.completedFuture(HttpReply.json(200, Json.bytes(json)));
    }
}
