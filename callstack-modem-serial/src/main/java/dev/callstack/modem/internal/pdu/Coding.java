package dev.callstack.modem.internal.pdu;

/** The alphabet of the user data. */
public enum Coding {
    GSM7, EIGHT_BIT, UCS2
}
