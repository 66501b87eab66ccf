package dev.callstack.core.event;

/** States of the (single) voice call a modem handles. */
public enum CallState {
    IDLE, DIALING, RINGING, ACTIVE, HELD, ENDED
}
