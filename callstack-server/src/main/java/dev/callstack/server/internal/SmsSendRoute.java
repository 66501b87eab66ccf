package dev.callstack.server.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.Modem;
import dev.callstack.core.OutgoingSms;
import dev.callstack.core.PhoneNumber;
import dev.callstack.core.SmsSendResult;
import dev.callstack.modem.pdu.SmsSubmitEncoder;
import dev.callstack.modem.pdu.SubmitRequest;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * {@code POST /sms/send}: validates, checks the key's recipient prefixes and SMS quota, sends through the modem,
 * answers with the network reference. A key with {@code sms_per_day} has its parts reserved in the
 * {@link SmsQuotaLedger} (on the blocking executor) before the modem sees the message, and given back when the send
 * certainly sent nothing. Thread-safe.
 */
final class SmsSendRoute implements Route {
    static final ModemErrors ERRORS = new ModemErrors("invalid SMS request", "SMS send timed out", "SMS send failed",
            503, ErrorBody.SMS_QUEUE_FULL);

    private final Modem modem;
    private final SmsQuotaLedger quota;
    private final Executor blocking;

    SmsSendRoute(Modem modem, SmsQuotaLedger quota, Executor blocking) {
        this.modem = Objects.requireNonNull(modem, "modem");
        this.quota = Objects.requireNonNull(quota, "quota");
        this.blocking = Objects.requireNonNull(blocking, "blocking");
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
        Caller caller = request.caller();
        if (!caller.mayReach(to)) {
            throw new HttpError(403, ErrorBody.RECIPIENT_NOT_ALLOWED);
        }
        OutgoingSms sms;
        int parts;
        try {
            sms = OutgoingSms.of(PhoneNumber.of(to), text);
            parts = caller.smsPerDay() > 0 ? SmsSubmitEncoder.encode(SubmitRequest.of(sms, 0)).size() : 0;
        } catch (InvalidRequestException invalid) {
            throw HttpError.badRequest(ERRORS.invalid());
        }
        if (caller.smsPerDay() == 0) {
            return send(sms);
        }
        try {
            return CompletableFuture.supplyAsync(() -> quota.reserve(caller.quotaId(), caller.smsPerDay(), parts),
                    blocking).thenCompose(reservation -> reservation.granted()
                    ? send(sms).whenComplete((reply, failure) -> {
                        if (reply != null && notSent(reply.status())) {
                            quota.release(reservation.rowId());
                        }
                    })
                    : CompletableFuture.completedFuture(ErrorBody.smsQuotaExceeded(reservation.retryAfterSeconds())));
        } catch (RejectedExecutionException busy) {
            throw new HttpError(503, ErrorBody.BUSY);
        }
    }

    /**
     * Whether a failed send certainly left nothing on the network (invalid, modem unavailable, queue full); after a
     * timeout or a rejection some parts may have gone out, so those stay counted.
     */
    private static boolean notSent(int status) {
        return status == 400 || status == 503;
    }

    private CompletableFuture<HttpReply> send(OutgoingSms sms) {
        CompletableFuture<SmsSendResult> sent;
        try {
            sent = modem.sms().send(sms);
        } catch (RuntimeException thrown) {
            sent = CompletableFuture.failedFuture(thrown);
        }
        return sent.handle((result, failure) -> failure == null ? success(result) : ERRORS.replyOrRethrow(failure));
    }

    private static HttpReply success(SmsSendResult sent) {
        byte[] json = Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("status", "sent");
            g.writeStringField("to", sent.recipient().value());
            g.writeNumberField("reference", sent.reference());
            g.writeNumberField("parts", sent.parts());
            g.writeEndObject();
        });
        return HttpReply.json(200, json).auditing(sent.messageId());
    }
}
