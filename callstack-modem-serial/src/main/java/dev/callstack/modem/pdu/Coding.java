package dev.callstack.modem.pdu;

/** The alphabet of the user data (3GPP TS 23.038 §4). */
public enum Coding {
    /** The GSM 7-bit default alphabet, packed septets; up to 160 characters in one part. */
    GSM7,
    /** 8-bit data: octets, not text. */
    EIGHT_BIT,
    /** UCS-2 (UTF-16 code units, surrogate pairs kept); up to 70 code units in one part. */
    UCS2
}
