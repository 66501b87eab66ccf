package dev.callstack.modem.pdu;

/**
 * The GSM 7-bit default alphabet (3GPP TS 23.038) as text: whether a text fits it, how many septets it takes, and
 * how packed septets read back. The codec's own entry for code outside SMS that meets the alphabet, such as USSD
 * replies that carry packed GSM-7 as hex. Stateless.
 */
public final class Gsm7 {
    private Gsm7() {
    }

    /**
     * Whether every character of {@code text} is in the default alphabet or its extension table, i.e. whether the
     * text can be sent as GSM-7 rather than UCS-2.
     *
     * @param text the text to check
     * @return true when it fits
     */
    public static boolean fits(CharSequence text) {
        return Gsm7Alphabet.fits(text);
    }

    /**
     * Septets {@code text} takes: one per character of the default table, two (escape and code) per character of
     * the extension table.
     *
     * @param text a text that {@link #fits} the alphabet
     * @return the septet count
     * @throws IllegalArgumentException when a character is not in the alphabet
     */
    public static int septetCount(CharSequence text) {
        return Gsm7Alphabet.septetCount(text);
    }

    /**
     * Reads {@code septets} septets packed from bit 0 of {@code octets} (3GPP TS 23.038 §6.1.2.1) as text.
     * An escape before a code the extension table lacks reads as the default-table character; a dangling escape
     * at the end is dropped.
     *
     * @param octets  the packed octets
     * @param septets how many septets to read, at most {@code octets.length * 8 / 7}
     * @return the text
     * @throws IllegalArgumentException when {@code octets} holds fewer than {@code septets} septets
     */
    public static String decodePacked(byte[] octets, int septets) {
        if (septets < 0 || septets > octets.length * 8 / 7) {
            throw new IllegalArgumentException(octets.length + " octets do not hold " + septets + " septets");
        }
        return Gsm7Alphabet.decode(SeptetPacker.unpack(octets, 0, septets));
    }
}
