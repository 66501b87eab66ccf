package dev.callstack.modem.pdu;

/**
 * UCS-2 as SMS uses it: UTF-16BE code units copied one for one, so surrogate pairs (emoji) survive and nothing
 * is ever replaced or rejected. Stateless.
 */
final class Ucs2 {
    private Ucs2() {
    }

    static byte[] encode(CharSequence text) {
        byte[] out = new byte[text.length() * 2];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out[2 * i] = (byte) (c >> 8);
            out[2 * i + 1] = (byte) c;
        }
        return out;
    }

    /** Decodes an even number of octets. */
    static String decode(byte[] bytes) {
        char[] out = new char[bytes.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (char) (((bytes[2 * i] & 0xFF) << 8) | (bytes[2 * i + 1] & 0xFF));
        }
        return new String(out);
    }
}
