package dev.callstack.testkit.sim;

/** What the simulated SIM answers to {@code AT+CPIN?}. */
public enum PinState {
    /** {@code +CPIN: READY}. */
    READY,
    /** {@code +CPIN: SIM PIN}: waiting for {@code AT+CPIN="<pin>"}. */
    SIM_PIN,
    /** {@code +CPIN: SIM PUK}: blocked (also reached after three wrong PINs). */
    SIM_PUK,
    /** No SIM inserted: {@code +CME ERROR: 10}. */
    NO_SIM
}
