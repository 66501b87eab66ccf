package dev.callstack.testkit.sim;

import java.util.OptionalInt;

/** The little PDU arithmetic a modem does: the TPDU length that {@code +CMGS}, {@code +CMT} and friends carry. */
final class Pdus {
    private Pdus() {
    }

    /**
     * Octets after the SMSC field of a hex PDU (which starts with the SMSC length octet), or empty when the text is
     * not even-length hex or too short for its own SMSC field.
     */
    static OptionalInt tpduLength(String hex) {
        if (hex.isEmpty() || hex.length() % 2 != 0) {
            return OptionalInt.empty();
        }
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                return OptionalInt.empty();
            }
        }
        int octets = hex.length() / 2;
        int smscLength = Integer.parseInt(hex.substring(0, 2), 16);
        int tpdu = octets - 1 - smscLength;
        return tpdu < 1 ? OptionalInt.empty() : OptionalInt.of(tpdu);
    }

    /** The length a modem would announce for a stored or delivered PDU; garbage gets its raw octet count. */
    static int announcedLength(String hex) {
        return tpduLength(hex).orElse(hex.length() / 2);
    }
}
