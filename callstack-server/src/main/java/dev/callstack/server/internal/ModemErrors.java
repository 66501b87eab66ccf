package dev.callstack.server.internal;

import dev.callstack.core.CallEndedException;
import dev.callstack.core.CallstackException;
import dev.callstack.core.IdempotencyConflictException;
import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.ModemBusyException;
import dev.callstack.core.ModemRejectedException;
import dev.callstack.core.ModemTimeoutException;
import dev.callstack.core.ModemUnavailableException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Maps a failed modem operation to its reply, with the route's own fixed messages (the exception's message is
 * never sent: the client gets the documented text only). {@link #RULES} is the one table from a core exception type
 * to its HTTP status; core itself knows nothing of HTTP.
 *
 * @param invalid    the 400 message
 * @param timedOut   the 504 message
 * @param failed     the 502 message
 * @param busyStatus the status for a busy modem: 409 for a one-at-a-time session, 503 for a full queue
 * @param busy       the message for a busy modem
 */
record ModemErrors(String invalid, String timedOut, String failed, int busyStatus, String busy) {

    /** Busy answered with the generic 503 "server busy". */
    ModemErrors(String invalid, String timedOut, String failed) {
        this(invalid, timedOut, failed, 503, ErrorBody.BUSY);
    }

    /** The status of a core exception type and which message the route answers it with. */
    record Rule(ToIntFunction<ModemErrors> status, Function<ModemErrors, String> message) {
        static Rule fixed(int status, Function<ModemErrors, String> message) {
            return new Rule(errors -> status, message);
        }
    }

    /** Every {@link CallstackException} subtype (the hierarchy is sealed), and nothing else. */
    static final Map<Class<? extends CallstackException>, Rule> RULES = Map.of(
            InvalidRequestException.class, Rule.fixed(400, ModemErrors::invalid),
            ModemRejectedException.class, Rule.fixed(502, ModemErrors::failed),
            ModemUnavailableException.class, Rule.fixed(503, errors -> ErrorBody.MODEM_UNAVAILABLE),
            ModemBusyException.class, new Rule(ModemErrors::busyStatus, ModemErrors::busy),
            ModemTimeoutException.class, Rule.fixed(504, ModemErrors::timedOut),
            IdempotencyConflictException.class, Rule.fixed(422, errors -> ErrorBody.IDEMPOTENCY_CONFLICT),
            CallEndedException.class, Rule.fixed(409, errors -> ErrorBody.CALL_ENDED));

    /** The HTTP status of {@code failure} for this route. */
    int status(CallstackException failure) {
        return rule(failure).status().applyAsInt(this);
    }

    private static Rule rule(CallstackException failure) {
        Rule rule = RULES.get(failure.getClass());
        if (rule == null) {
            // Only reachable if core's sealed hierarchy grows without this table; ModemErrorsTest guards it.
            throw new IllegalStateException("no HTTP status for " + failure.getClass().getName());
        }
        return rule;
    }

    /**
     * The reply for a {@link CallstackException}; anything else ({@link HttpError}, which the router answers, or a
     * bug, which it logs by class and answers 500) is rethrown unwrapped.
     */
    HttpReply replyOrRethrow(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof CallstackException callstack) {
            Rule rule = rule(callstack);
            return ErrorBody.reply(rule.status().applyAsInt(this), rule.message().apply(this));
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new CompletionException(cause);
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
