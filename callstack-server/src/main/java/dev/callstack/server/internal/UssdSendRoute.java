package dev.callstack.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callstack.core.Modem;
import dev.callstack.core.UssdCode;
import dev.callstack.core.event.UssdResponse;
import dev.callstack.realtime.View;
import dev.callstack.realtime.WireViews;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code POST /ussd/send}: one USSD request, answered with {@link WireViews}'s USSD view (the one
 * {@code ussd.response} carries on {@code /ws}); the reply text only for keys with {@code content}. The modem runs
 * one USSD session at a time, so a request while another is under way is answered 409 at once rather than queued
 * behind the first one's timeout (the modem's own busy answer maps to the same 409). Thread-safe.
 */
final class UssdSendRoute implements Route {
    static final ModemErrors ERRORS = new ModemErrors("Invalid USSD code", "USSD request timed out",
            "USSD request failed", 409, ErrorBody.USSD_BUSY);
    static final double DEFAULT_TIMEOUT_SECONDS = 15;
    /** Networks end a USSD session within a few minutes; longer waits only tie up a request. */
    static final double MAX_TIMEOUT_SECONDS = 600;

    private final Modem modem;
    private final AtomicBoolean busy = new AtomicBoolean();

    UssdSendRoute(Modem modem) {
        this.modem = Objects.requireNonNull(modem, "modem");
    }

    @Override
    public CompletableFuture<HttpReply> handle(RouteRequest request) {
        ObjectNode body = Json.object(request.http().content());
        JsonNode codeNode = body.get("code");
        if (codeNode == null || !codeNode.isTextual() || !UssdCode.isValid(codeNode.textValue())) {
            throw HttpError.badRequest(ERRORS.invalid());
        }
        Duration timeout = timeout(body.get("timeout"));
        View view = request.caller().view();
        if (!busy.compareAndSet(false, true)) {
            throw new HttpError(409, ErrorBody.USSD_BUSY);
        }
        CompletableFuture<UssdResponse> reply;
        try {
            reply = modem.ussd().send(UssdCode.of(codeNode.textValue()), timeout);
        } catch (RuntimeException thrown) {
            reply = CompletableFuture.failedFuture(thrown);
        }
        return reply.whenComplete((response, failure) -> busy.set(false))
                .handle((response, failure) -> failure == null ? success(response, view)
                        : ERRORS.replyOrRethrow(failure));
    }

    private static Duration timeout(JsonNode node) {
        if (node == null) {
            return toDuration(DEFAULT_TIMEOUT_SECONDS);
        }
        if (!node.isNumber()) {
            throw HttpError.badRequest("invalid 'timeout'");
        }
        double seconds = node.doubleValue();
        if (!Double.isFinite(seconds) || seconds <= 0 || seconds > MAX_TIMEOUT_SECONDS) {
            throw HttpError.badRequest("invalid 'timeout'");
        }
        Duration duration = toDuration(seconds);
        if (duration.isZero()) {
            throw HttpError.badRequest("invalid 'timeout'");
        }
        return duration;
    }

    private static Duration toDuration(double seconds) {
        return Duration.ofNanos((long) (seconds * 1_000_000_000d));
    }

    private static HttpReply success(UssdResponse response, View view) {
        return HttpReply.json(200, Json.write(g -> {
            g.writeStartObject();
            WireViews.writeUssd(g, response, view);
            g.writeEndObject();
        }));
    }
}
