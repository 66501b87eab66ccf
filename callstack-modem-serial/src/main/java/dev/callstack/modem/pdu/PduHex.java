package dev.callstack.modem.pdu;

/**
 * Hex as modems print PDUs: tolerant of case, surrounding whitespace and quotes; strict about everything else.
 * The decoders take and the encoders return this form; code that handles modem lines uses {@link #isHexDigits} as
 * the one "looks like hex" rule. Stateless.
 */
public final class PduHex {
    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    private PduHex() {
    }

    /**
     * Parses hex as it appears after {@code +CMGR}/{@code +CMT}/{@code +CDS}/{@code +CMGL}.
     *
     * @param text the hex, possibly quoted or surrounded by whitespace
     * @return the octets
     * @throws PduFormatException on a null or empty input, a non-hex character or an odd number of digits
     */
    public static byte[] parse(String text) throws PduFormatException {
        if (text == null) {
            throw new PduFormatException("PDU is missing", 0);
        }
        String s = text.strip();
        // Some firmware quotes the PDU or leaves a stray trailing quote (gammu at-sms/04.dump).
        if (s.startsWith("\"")) {
            s = s.substring(1);
        }
        if (s.endsWith("\"")) {
            s = s.substring(0, s.length() - 1);
        }
        s = s.strip();
        if (s.isEmpty()) {
            throw new PduFormatException("PDU is empty", 0);
        }
        for (int i = 0; i < s.length(); i++) {
            if (value(s.charAt(i)) < 0) {
                throw new PduFormatException("non-hex character at hex digit " + i, i / 2);
            }
        }
        if ((s.length() & 1) != 0) {
            throw new PduFormatException("odd number of hex digits (" + s.length() + ")", s.length() / 2);
        }
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) ((value(s.charAt(2 * i)) << 4) | value(s.charAt(2 * i + 1)));
        }
        return out;
    }

    /**
     * Formats octets as upper-case hex, as {@code AT+CMGS} expects it.
     *
     * @param bytes the octets
     * @return two hex digits per octet
     */
    public static String format(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0x0F];
            out[2 * i + 1] = DIGITS[bytes[i] & 0x0F];
        }
        return new String(out);
    }

    /**
     * Whether {@code s} is a non-empty run of hex digits (either case) and nothing else.
     *
     * @param s the text to test; may be null
     * @return true when it looks like hex
     */
    public static boolean isHexDigits(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (value(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
