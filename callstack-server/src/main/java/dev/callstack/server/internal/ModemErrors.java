package dev.callstack.server.internal;

import dev.callstack.core.CallstackException;
import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.ModemRejectedException;
import dev.callstack.core.ModemTimeoutException;
import dev.callstack.core.ModemUnavailableException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Maps a failed modem operation to its reply, with the route's own fixed messages (the exception's message is
 * never sent: the client gets the documented text only).
 *
 * @param invalid  the 400 message
 * @param timedOut the 504 message
 * @param failed   the 502 message
 */
record ModemErrors(String invalid, String timedOut, String failed) {

    /** The reply for {@code failure}, or null when it is not a {@link CallstackException} (a bug). */
    private HttpReply replyFor(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof HttpError error) {
            return error.reply();
        }
        if (!(cause instanceof CallstackException callstack)) {
            return null;
        }
        if (callstack instanceof InvalidRequestException) {
            return ErrorBody.reply(400, invalid);
        }
        if (callstack instanceof ModemTimeoutException) {
            return ErrorBody.reply(504, timedOut);
        }
        if (callstack instanceof ModemUnavailableException) {
            return ErrorBody.reply(503, ErrorBody.MODEM_UNAVAILABLE);
        }
        if (callstack instanceof ModemRejectedException) {
            return ErrorBody.reply(502, failed);
        }
        return ErrorBody.reply(callstack.httpStatus(), failed);
    }

    /**
     * The reply for {@code failure}; anything else is a bug and is rethrown unwrapped, for the router to log by class
     * and answer 500.
     */
    HttpReply replyOrRethrow(Throwable failure) {
        HttpReply reply = replyFor(failure);
        if (reply != null) {
            return reply;
        }
        Throwable cause = unwrap(failure);
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
