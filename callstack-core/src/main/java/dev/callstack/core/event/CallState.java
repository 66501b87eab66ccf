package dev.callstack.core.event;

/** States of the (single) voice call a modem handles. */
public enum CallState {
    /** No call. */
    IDLE,
    /** An outgoing call is being set up. */
    DIALING,
    /** An incoming call is ringing. */
    RINGING,
    /** The call is connected. */
    ACTIVE,
    /** The call is on hold. */
    HELD,
    /** The call has just ended; the next state is {@link #IDLE}. */
    ENDED
}
