package dev.callstack.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callstack.core.CallApi;
import dev.callstack.core.Modem;
import dev.callstack.core.ModemRejectedException;
import dev.callstack.core.PhoneNumber;
import dev.callstack.core.event.CallState;
import dev.callstack.realtime.WireViews;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * {@code POST /calls/dial}, {@code /calls/answer}, {@code /calls/hangup} and {@code /calls/dtmf}: checks the body
 * (400), that the modem is connected (503) and that the call is in a state the command applies to (409, before the
 * modem sees anything), runs the command and answers {@code {"state":"<call state>"}}. The dialled number is never
 * logged here (the AT stack logs it redacted; the audit line names the route only).
 *
 * <p>Thread-safe.
 */
final class CallCommandRoute implements Route {
    /** A busy modem (its command queue full) is the generic 503: the call states have their own 409s. */
    static final ModemErrors ERRORS = new ModemErrors("invalid call request", "call command timed out",
            "call command failed");

    /**
     * One command: its body check (throws {@link HttpError} 400/403, returns what {@code run} needs), the 409
     * message for the call states it does not apply to (null when it applies), and the modem operation.
     */
    private record Command(Function<RouteRequest, Object> parse, Function<CallState, String> refusal,
                           BiFunction<CallApi, Object, CompletableFuture<Void>> run) {
    }

    private final Modem modem;
    private final Command command;
    private final boolean exclusive;
    /** Set while a dial is with the modem: the call state says DIALING only once the modem accepted it. */
    private final AtomicBoolean running = new AtomicBoolean();

    private CallCommandRoute(Modem modem, Command command, boolean exclusive) {
        this.modem = Objects.requireNonNull(modem, "modem");
        this.command = Objects.requireNonNull(command, "command");
        this.exclusive = exclusive;
    }

    static CallCommandRoute dial(Modem modem) {
        return new CallCommandRoute(modem, new Command(CallCommandRoute::dialTarget,
                state -> state == CallState.IDLE ? null : ErrorBody.CALL_IN_PROGRESS,
                (calls, to) -> calls.dial((PhoneNumber) to)), true);
    }

    static CallCommandRoute answer(Modem modem) {
        return new CallCommandRoute(modem, new Command(CallCommandRoute::noBody, state -> switch (state) {
            case RINGING -> null;
            case IDLE, ENDED -> ErrorBody.NO_CALL;
            case DIALING, ACTIVE, HELD -> ErrorBody.CALL_IN_PROGRESS;
        }, (calls, none) -> calls.answer()), false);
    }

    static CallCommandRoute hangUp(Modem modem) {
        return new CallCommandRoute(modem, new Command(CallCommandRoute::noBody,
                state -> state == CallState.IDLE || state == CallState.ENDED ? ErrorBody.NO_CALL : null,
                (calls, none) -> calls.hangUp()), false);
    }

    static CallCommandRoute dtmf(Modem modem) {
        return new CallCommandRoute(modem, new Command(CallCommandRoute::dtmfDigits, state -> switch (state) {
            case ACTIVE -> null;
            case IDLE, ENDED -> ErrorBody.NO_CALL;
            // Tones go into a connected call only; a call still ringing or on hold would lose them.
            case DIALING, RINGING, HELD -> ErrorBody.CALL_NOT_ACTIVE;
        }, (calls, digits) -> calls.sendDtmf((String) digits)), false);
    }

    private static Object noBody(RouteRequest request) {
        return "";
    }

    private static Object dialTarget(RouteRequest request) {
        String to = Json.nonEmptyText(Json.object(request.http().content()), "to");
        if (to == null) {
            throw HttpError.badRequest("missing 'to'");
        }
        if (!PhoneNumber.isValid(to)) {
            throw HttpError.badRequest("invalid 'to' phone number");
        }
        // A key limited to some prefixes may not call around its limit either.
        if (!request.caller().mayReach(to)) {
            throw new HttpError(403, ErrorBody.RECIPIENT_NOT_ALLOWED);
        }
        return PhoneNumber.of(to);
    }

    private static Object dtmfDigits(RouteRequest request) {
        JsonNode digits = Json.object(request.http().content()).get("digits");
        if (digits == null || !digits.isTextual() || !CallApi.isValidDtmf(digits.textValue())) {
            throw HttpError.badRequest(ErrorBody.INVALID_DTMF);
        }
        return digits.textValue();
    }

    @Override
    public CompletableFuture<HttpReply> handle(RouteRequest request) {
        Object parsed = command.parse().apply(request);
        if (!modem.state().connected()) {
            throw new HttpError(503, ErrorBody.MODEM_UNAVAILABLE);
        }
        CallApi calls = modem.calls();
        String refusal = command.refusal().apply(calls.state());
        if (refusal != null) {
            throw new HttpError(409, refusal);
        }
        if (exclusive && !running.compareAndSet(false, true)) {
            throw new HttpError(409, ErrorBody.CALL_IN_PROGRESS);
        }
        CompletableFuture<Void> done;
        try {
            done = command.run().apply(calls, parsed);
        } catch (RuntimeException thrown) {
            done = CompletableFuture.failedFuture(thrown);
        }
        if (exclusive) {
            done = done.whenComplete((ok, failure) -> running.set(false));
        }
        return done.handle((ok, failure) -> failure == null ? state(calls) : failed(calls, failure));
    }

    /**
     * A modem refusal while the call moved on meanwhile (a call rang in before the dial, the caller hung up before
     * the answer) is the same 409 as the early check; anything else is the house mapping.
     */
    private HttpReply failed(CallApi calls, Throwable failure) {
        if (ModemErrors.unwrap(failure) instanceof ModemRejectedException) {
            String refusal = command.refusal().apply(calls.state());
            if (refusal != null) {
                return ErrorBody.reply(409, refusal);
            }
        }
        return ERRORS.replyOrRethrow(failure);
    }

    static HttpReply state(CallApi calls) {
        String state = WireViews.wireName(calls.state());
        return HttpReply.json(200, Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("state", state);
            g.writeEndObject();
        }));
    }
}
