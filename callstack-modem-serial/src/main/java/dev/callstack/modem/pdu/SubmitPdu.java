package dev.callstack.modem.pdu;

import java.util.Objects;

/**
 * One SMS-SUBMIT ready for {@code AT+CMGS=<tpduLength>}, then {@code hex} and Ctrl-Z.
 *
 * @param hex        upper-case hex starting with the SMSC field {@code 00} (use the modem's default SMSC)
 * @param tpduLength octets after the SMSC field
 */
public record SubmitPdu(String hex, int tpduLength) {
    /**
     * Checks that the length matches the hex.
     *
     * @param hex        see {@link #hex()}
     * @param tpduLength see {@link #tpduLength()}
     * @throws IllegalArgumentException when {@code tpduLength} does not match {@code hex}
     */
    public SubmitPdu {
        Objects.requireNonNull(hex, "hex");
        if (tpduLength < 1 || hex.length() != 2 + tpduLength * 2) {
            throw new IllegalArgumentException("tpduLength does not match the hex");
        }
    }

    /** Shows the length only: the hex carries the body, which stays out of logs. */
    @Override
    public String toString() {
        return "SubmitPdu[tpduLength=" + tpduLength + "]";
    }
}
