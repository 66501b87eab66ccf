package dev.callstack.core;

import dev.callstack.core.event.CallState;
import java.util.concurrent.CompletableFuture;

/** Voice calls on a {@link Modem}. Thread-safe. */
public interface CallApi {

    /**
     * Dials {@code number}; completes once the modem accepted the dial (the call state follows as events).
     *
     * @param number the number to call; not null
     * @return completes when the modem accepted the dial command
     */
    CompletableFuture<Void> dial(PhoneNumber number);

    /**
     * Answers the ringing call.
     *
     * @return completes when the modem accepted the answer command
     */
    CompletableFuture<Void> answer();

    /**
     * Ends the current call, whatever its state.
     *
     * @return completes when the modem accepted the hang-up command
     */
    CompletableFuture<Void> hangUp();

    /** The most DTMF digits one {@link #sendDtmf} takes. */
    int MAX_DTMF_DIGITS = 32;

    /**
     * The one DTMF rule: 1 to {@value #MAX_DTMF_DIGITS} characters, each {@code 0-9 * # A-D}.
     *
     * @param digits the digits to check; null is invalid
     * @return true when {@link #sendDtmf} accepts them
     */
    static boolean isValidDtmf(String digits) {
        if (digits == null || digits.isEmpty() || digits.length() > MAX_DTMF_DIGITS) {
            return false;
        }
        return digits.chars().allMatch(c -> dev.callstack.core.event.DtmfReceived.isDtmf((char) c));
    }

    /**
     * Sends DTMF tones ({@code 0-9 * # A-D}) in the active call.
     *
     * @param digits one or more DTMF digits; other characters fail the future with {@link InvalidRequestException}
     * @return completes when the modem accepted the tones
     */
    CompletableFuture<Void> sendDtmf(String digits);

    /**
     * The current call state.
     *
     * @return the last state the modem reported; never null
     */
    CallState state();
}
