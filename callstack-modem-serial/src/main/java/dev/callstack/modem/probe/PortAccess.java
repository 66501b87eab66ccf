package dev.callstack.modem.probe;

/** Whether the probe could open the port, and if not, why. */
public enum PortAccess {
    /** Opened; the answers say the rest. */
    OPENED,
    /** No such device (unplugged, wrong name, a HiLink stick that has no serial port). */
    NOT_FOUND,
    /** The device exists but this user may not read and write it (not in {@code dialout}). */
    PERMISSION_DENIED,
    /** Another process holds it (ModemManager, a second Callstack, a terminal program). */
    BUSY,
    /** Opening failed for another reason (a refused TCP connection, an I/O error). */
    FAILED
}
