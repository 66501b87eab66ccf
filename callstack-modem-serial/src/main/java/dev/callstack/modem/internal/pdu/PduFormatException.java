package dev.callstack.modem.internal.pdu;

/**
 * A PDU that cannot be decoded: the byte offset (counted from the first octet of the SMSC field) where decoding
 * stopped and the reason. Checked, so every caller that feeds modem output to the codec decides what a broken
 * PDU means for it.
 */
public final class PduFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int offset;
    private final String reason;

    public PduFormatException(String reason, int offset) {
        super(reason + " at offset " + offset);
        this.reason = reason;
        this.offset = offset;
    }

    /** Octet offset into the PDU (SMSC field included) where the problem was found. */
    public int offset() {
        return offset;
    }

    /** The reason without the offset. */
    public String reason() {
        return reason;
    }
}
