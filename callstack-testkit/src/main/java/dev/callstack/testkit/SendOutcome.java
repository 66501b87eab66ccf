package dev.callstack.testkit;

import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.ModemRejectedException;
import dev.callstack.core.ModemTimeoutException;
import dev.callstack.core.ModemUnavailableException;
import java.util.Objects;

/**
 * One programmed answer to a later {@code sms().send(...)}: accepted with the first part's reference, one of the
 * failures, or no answer at all. {@code reference} is -1 unless the send succeeds.
 */
record SendOutcome(Kind kind, int reference) {
    enum Kind { SUCCEEDS, TIMES_OUT, REJECTED, UNAVAILABLE, INVALID, HANGS }

    SendOutcome {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.SUCCEEDS && (reference < 0 || reference > 255)) {
            throw new IllegalArgumentException("reference must be in 0..255");
        }
    }

    static SendOutcome succeeds(int reference) {
        return new SendOutcome(Kind.SUCCEEDS, reference);
    }

    static SendOutcome of(Kind kind) {
        return new SendOutcome(kind, -1);
    }

    /** The exception a send programmed this way fails with; only for the failure kinds. */
    RuntimeException failure() {
        return switch (kind) {
            case TIMES_OUT -> new ModemTimeoutException("SMS send timed out");
            case REJECTED -> new ModemRejectedException("SMS rejected by the network", 500);
            case UNAVAILABLE -> new ModemUnavailableException("modem unavailable");
            case INVALID -> new InvalidRequestException("SMS refused as invalid");
            case SUCCEEDS, HANGS -> throw new IllegalStateException("not a failure");
        };
    }
}
