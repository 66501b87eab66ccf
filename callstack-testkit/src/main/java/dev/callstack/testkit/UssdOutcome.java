package dev.callstack.testkit;

import dev.callstack.core.ModemRejectedException;
import dev.callstack.core.ModemTimeoutException;
import dev.callstack.core.ModemUnavailableException;
import dev.callstack.core.event.UssdResponse;
import java.time.Instant;
import java.util.Objects;

/**
 * One programmed answer to a later {@code ussd().send(...)}: a reply ({@code status}, {@code message}, {@code dcs}),
 * one of the failures, or no answer at all. The reply fields are 0, null and -1 for the other kinds.
 */
record UssdOutcome(Kind kind, int status, String message, int dcs) {
    enum Kind { REPLY, TIMES_OUT, REJECTED, UNAVAILABLE, HANGS }

    UssdOutcome {
        Objects.requireNonNull(kind, "kind");
    }

    static UssdOutcome reply(int status, String message, int dcs) {
        // Validate now, so a bad script fails in the test's arrange step rather than inside the code under test.
        new UssdResponse(Instant.EPOCH, status, message, dcs);
        return new UssdOutcome(Kind.REPLY, status, message, dcs);
    }

    static UssdOutcome of(Kind kind) {
        return new UssdOutcome(kind, 0, null, -1);
    }

    /** The exception a request programmed this way fails with; only for the failure kinds. */
    RuntimeException failure() {
        return switch (kind) {
            case TIMES_OUT -> new ModemTimeoutException("USSD reply timed out");
            case REJECTED -> new ModemRejectedException("USSD request rejected");
            case UNAVAILABLE -> new ModemUnavailableException("modem unavailable");
            case REPLY, HANGS -> throw new IllegalStateException("not a failure");
        };
    }
}
