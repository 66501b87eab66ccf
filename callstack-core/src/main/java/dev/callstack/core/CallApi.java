package dev.callstack.core;

import dev.callstack.core.event.CallState;
import java.util.concurrent.CompletableFuture;

/** Voice calls on a {@link Modem}. Thread-safe. */
public interface CallApi {

    /** Dials {@code number}; completes once the modem accepted the dial (the call state follows as events). */
    CompletableFuture<Void> dial(PhoneNumber number);

    /** Answers the ringing call. */
    CompletableFuture<Void> answer();

    /** Ends the current call, whatever its state. */
    CompletableFuture<Void> hangUp();

    /** Sends DTMF tones ({@code 0-9 * # A-D}) in the active call. */
    CompletableFuture<Void> sendDtmf(String digits);

    /** The current call state. */
    CallState state();
}
