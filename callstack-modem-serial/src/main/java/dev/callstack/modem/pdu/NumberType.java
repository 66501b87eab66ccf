package dev.callstack.modem.pdu;

/** Type of number, bits 6–4 of the type-of-address octet (3GPP TS 23.040 §9.1.2.5). */
public enum NumberType {
    /** 000: unknown; digits as dialled. */
    UNKNOWN,
    /** 001: international; decoded values carry a leading {@code +}. */
    INTERNATIONAL,
    /** 010: national. */
    NATIONAL,
    /** 011: network specific (service numbers). */
    NETWORK_SPECIFIC,
    /** 100: subscriber number. */
    SUBSCRIBER,
    /** 101: alphanumeric, GSM-7 packed (a sender name such as a bank's). */
    ALPHANUMERIC,
    /** 110: abbreviated number. */
    ABBREVIATED,
    /** 111: reserved for extension. */
    RESERVED;

    static NumberType fromTypeOfAddress(int toa) {
        return values()[(toa >> 4) & 0x07];
    }
}
