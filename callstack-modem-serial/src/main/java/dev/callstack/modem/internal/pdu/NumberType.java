package dev.callstack.modem.internal.pdu;

/** Type of number, bits 6–4 of the type-of-address octet (3GPP TS 23.040 §9.1.2.5). */
public enum NumberType {
    UNKNOWN, INTERNATIONAL, NATIONAL, NETWORK_SPECIFIC, SUBSCRIBER, ALPHANUMERIC, ABBREVIATED, RESERVED;

    static NumberType fromTypeOfAddress(int toa) {
        return values()[(toa >> 4) & 0x07];
    }
}
