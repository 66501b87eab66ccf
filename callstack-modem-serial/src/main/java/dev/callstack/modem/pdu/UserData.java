package dev.callstack.modem.pdu;

import java.util.Optional;

/**
 * Decoded TP-UD.
 *
 * @param header        the user data header including its length octet, or empty when TP-UDHI is clear
 * @param concatenation the concatenation element of the header, if any
 * @param coding        the alphabet the body was decoded with
 * @param text          the body as text, empty for 8-bit data
 * @param data          the body octets for 8-bit data, empty otherwise
 */
@SuppressWarnings("ArrayRecordComponent") // a decoder's intermediate result, never compared
record UserData(byte[] header, Optional<Concatenation> concatenation, Coding coding, String text, byte[] data) {
}
