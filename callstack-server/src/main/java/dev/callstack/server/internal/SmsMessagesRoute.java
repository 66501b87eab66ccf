package dev.callstack.server.internal;

import dev.callstack.core.Modem;
import dev.callstack.core.StoredSms;
import dev.callstack.realtime.View;
import dev.callstack.realtime.WireViews;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /sms/messages?limit=&before=}: stored inbound messages, newest first, paged by id; each item is
 * {@link WireViews}'s SMS view, the one {@code sms.received} carries on {@code /ws}. Thread-safe.
 */
final class SmsMessagesRoute implements Route {
    static final ModemErrors ERRORS = new ModemErrors(QueryParams.INVALID_LIMIT, "message store timed out",
            "message store failed");

    private final Modem modem;

    SmsMessagesRoute(Modem modem) {
        this.modem = Objects.requireNonNull(modem, "modem");
    }

    @Override
    public CompletableFuture<HttpReply> handle(RouteRequest request) {
        int limit = QueryParams.pageLimit(request.query("limit"));
        long before = QueryParams.positiveLong(request.query("before"), "invalid 'before'");
        List<StoredSms> messages;
        try {
            messages = modem.sms().received(limit, before < 0 ? OptionalLong.empty() : OptionalLong.of(before));
        } catch (RuntimeException failure) {
            return CompletableFuture.completedFuture(ERRORS.replyOrRethrow(failure));
        }
        View view = request.caller().view();
        byte[] body = Json.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("messages");
            for (StoredSms sms : messages) {
                g.writeStartObject();
                WireViews.writeSms(g, sms, view);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName("next_before");
            if (!messages.isEmpty() && messages.size() == limit) {
                g.writeNumber(messages.get(messages.size() - 1).id());
            } else {
                g.writeNull();
            }
            g.writeEndObject();
        });
        return CompletableFuture.completedFuture(HttpReply.json(200, body));
    }
}
