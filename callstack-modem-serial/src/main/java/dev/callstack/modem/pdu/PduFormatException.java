package dev.callstack.modem.pdu;

/**
 * A PDU that cannot be decoded: the reason and the octet offset (counted from the first octet of the SMSC field)
 * where decoding stopped, e.g. {@code "TP-UDL 161 exceeds 160 septets at offset 24"}. Checked, so every caller that
 * feeds modem output to the codec decides what a broken PDU means for it. Only the codec raises it. The message
 * names fields and lengths, never the content of the PDU.
 */
public final class PduFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Octet offset into the PDU, SMSC field included. */
    private final int offset;
    /** What is wrong, without the offset. */
    private final String reason;

    PduFormatException(String reason, int offset) {
        super(reason + " at offset " + offset);
        this.reason = reason;
        this.offset = offset;
    }

    /**
     * Where the problem was found.
     *
     * @return the octet offset into the PDU, SMSC field included
     */
    public int offset() {
        return offset;
    }

    /**
     * What is wrong, without the offset.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }
}
