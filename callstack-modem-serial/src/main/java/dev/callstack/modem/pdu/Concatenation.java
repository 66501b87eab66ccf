package dev.callstack.modem.pdu;

/**
 * A concatenated-message information element (IEI 0x00 or 0x08).
 *
 * @param reference          the reference shared by all parts (0–255, or 0–65535 when 16-bit)
 * @param total              number of parts (1–255)
 * @param sequence           this part's number (1–total)
 * @param sixteenBitReference true for IEI 0x08
 */
public record Concatenation(int reference, int total, int sequence, boolean sixteenBitReference) {
    /**
     * Checks the ranges.
     *
     * @param reference           see {@link #reference()}
     * @param total               see {@link #total()}
     * @param sequence            see {@link #sequence()}
     * @param sixteenBitReference see {@link #sixteenBitReference()}
     * @throws IllegalArgumentException when the reference does not fit its width or the part numbers are not valid
     */
    public Concatenation {
        int maxReference = sixteenBitReference ? 0xFFFF : 0xFF;
        if (reference < 0 || reference > maxReference) {
            throw new IllegalArgumentException("reference out of range");
        }
        if (total < 1 || total > 255 || sequence < 1 || sequence > total) {
            throw new IllegalArgumentException("part " + sequence + " of " + total + " is not valid");
        }
    }
}
