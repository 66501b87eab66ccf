package dev.callstack.modem.internal;

import dev.callstack.core.event.CallState;
import java.util.Set;

/**
 * Whether a call-ended URC ends our call at once or must first be confirmed by {@code AT+CLCC}. A bare
 * {@code NO CARRIER} names no call: when a second caller waits (27.007 call waiting) and gives up, some modems send
 * just that while our call is still up. So during an active call it is confirmed when a waiting call was announced
 * since the call began, or whenever the profile polls calls anyway (a waiting call need not be announced: call-waiting
 * presentation may be off). The URCs that do name our call ({@code VOICE CALL: END}, {@code ^CEND}) and those that
 * only end a call being set up ({@code BUSY}, {@code NO ANSWER}) are trusted as they are.
 *
 * <p>Not thread-safe; confined to {@link CallControl}'s monitor.
 */
final class EndConfirmation {
    /** Call-ended URCs that do not say which call ended. */
    private static final Set<String> NAMES_NO_CALL = Set.of("NO CARRIER");

    private boolean waitingSeen;

    /** A {@code +CCWA}, or a {@code RING}/{@code +CLIP} repeated during an active call. */
    void onWaiting() {
        waitingSeen = true;
    }

    /** The call is over: the next one starts without a waiting caller. */
    void reset() {
        waitingSeen = false;
    }

    /** Whether {@code cause}, arriving in {@code state}, must be checked with the call list before it ends a call. */
    boolean needsCheck(String cause, CallState state, boolean profilePollsCalls) {
        return state == CallState.ACTIVE && NAMES_NO_CALL.contains(cause) && (waitingSeen || profilePollsCalls);
    }
}
