package dev.callstack.core;

/** What the modem says of its SIM ({@code AT+CPIN?} and {@code +CPIN:} URCs). */
public enum SimStatus {
    /** Unlocked and usable. */
    READY,
    /** Waiting for the SIM PIN. */
    PIN_REQUIRED,
    /** Blocked: waiting for the PUK (Callstack never enters one). */
    PUK_REQUIRED,
    /** No SIM inserted ({@code +CME ERROR: 10}). */
    ABSENT,
    /** Inserted but still initialising ({@code +CPIN: NOT READY}, SIM busy). */
    NOT_READY,
    /** Not known yet (not connected, or the modem did not say). */
    UNKNOWN
}
