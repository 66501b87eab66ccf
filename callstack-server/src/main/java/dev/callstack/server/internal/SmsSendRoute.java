package dev.callstack.server.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.Modem;
import dev.callstack.core.OutgoingSms;
import dev.callstack.core.PhoneNumber;
import dev.callstack.core.SmsSendResult;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** {@code POST /sms/send}: validates, sends through the modem, answers with the network reference. Thread-safe. */
final class SmsSendRoute implements Route {
    static final ModemErrors ERRORS = new ModemErrors("invalid SMS request", "SMS send timed out", "SMS send failed");

    private final Modem modem;

    SmsSendRoute(Modem modem) {
        this.modem = Objects.requireNonNull(modem, "modem");
    }

    @Override
    public CompletableFuture<HttpReply> handle(RouteRequest request) {
        ObjectNode body = Json.object(request.http().content());
        String to = Json.nonEmptyText(body, "to");
        if (to == null) {
            throw HttpError.badRequest("missing 'to'");
        }
        String text = Json.nonEmptyText(body, "body");
        if (text == null) {
            throw HttpError.badRequest("missing 'body'");
        }
        if (!PhoneNumber.isValid(to)) {
            throw HttpError.badRequest("invalid 'to' phone number");
        }
        OutgoingSms sms;
        try {
            sms = OutgoingSms.of(PhoneNumber.of(to), text);
        } catch (InvalidRequestException invalid) {
            throw HttpError.badRequest(ERRORS.invalid());
        }
        CompletableFuture<SmsSendResult> sent;
        try {
            sent = modem.sms().send(sms);
        } catch (RuntimeException thrown) {
            sent = CompletableFuture.failedFuture(thrown);
        }
        return sent.handle((result, failure) -> failure == null ? success(result) : ERRORS.replyOrRethrow(failure));
    }

    private static HttpReply success(SmsSendResult sent) {
        ObjectNode json = Json.MAPPER.createObjectNode()
                .put("status", "sent")
                .put("to", sent.recipient().value())
                .put("reference", sent.reference())
                .put("parts", sent.parts());
        return HttpReply.json(200, Json.bytes(json)).auditing(sent.messageId());
    }
}
