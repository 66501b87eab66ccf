package dev.callstack.modem.pdu;

import java.util.HashMap;
import java.util.Map;

/**
 * The GSM 03.38 (3GPP TS 23.038) default 7-bit alphabet with its extension table. Works on septet values
 * (0–127), one per byte; packing into octets is {@link SeptetPacker}'s job. Immutable.
 */
final class Gsm7Alphabet {
    /** Septet that switches to the extension table for the next septet. */
    static final int ESCAPE = 0x1B;

    private static final String DEFAULT_TABLE =
            "@\u00A3$\u00A5\u00E8\u00E9\u00F9\u00EC\u00F2\u00C7\n\u00D8\u00F8\r\u00C5\u00E5"
            + "\u0394_\u03A6\u0393\u039B\u03A9\u03A0\u03A8\u03A3\u0398\u039E\u001B\u00C6\u00E6\u00DF\u00C9"
            + " !\"#\u00A4%&'()*+,-./"
            + "0123456789:;<=>?"
            + "\u00A1ABCDEFGHIJKLMNO"
            + "PQRSTUVWXYZ\u00C4\u00D6\u00D1\u00DC\u00A7"
            + "\u00BFabcdefghijklmno"
            + "pqrstuvwxyz\u00E4\u00F6\u00F1\u00FC\u00E0";

    private static final char[] EXTENSION = new char[128];
    private static final Map<Character, Integer> ENCODE_DEFAULT = new HashMap<>();
    private static final Map<Character, Integer> ENCODE_EXTENSION = new HashMap<>();

    static {
        for (int i = 0; i < 128; i++) {
            if (i != ESCAPE) {
                ENCODE_DEFAULT.put(DEFAULT_TABLE.charAt(i), i);
            }
        }
        extension(0x0A, '\f');
        extension(0x14, '^');
        extension(0x28, '{');
        extension(0x29, '}');
        extension(0x2F, '\\');
        extension(0x3C, '[');
        extension(0x3D, '~');
        extension(0x3E, ']');
        extension(0x40, '|');
        extension(0x65, '\u20AC');
    }

    private Gsm7Alphabet() {
    }

    private static void extension(int code, char c) {
        EXTENSION[code] = c;
        ENCODE_EXTENSION.put(c, code);
    }

    /** True when every character of {@code text} is in the default or the extension table. */
    static boolean fits(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (septets(text.charAt(i)) == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Septets one character takes: 1 in the default table, 2 (escape + code) in the extension table, 0 when it
     * cannot be encoded at all.
     */
    static int septets(char c) {
        if (ENCODE_DEFAULT.containsKey(c)) {
            return 1;
        }
        return ENCODE_EXTENSION.containsKey(c) ? 2 : 0;
    }

    /**
     * Septets the whole text takes.
     *
     * @throws IllegalArgumentException when a character is not in the alphabet (check {@link #fits} first)
     */
    static int septetCount(CharSequence text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            int n = septets(text.charAt(i));
            if (n == 0) {
                throw new IllegalArgumentException("character at index " + i + " is not in the GSM 7-bit alphabet");
            }
            count += n;
        }
        return count;
    }

    /**
     * Septet values for {@code text}, extension characters as an escape pair.
     *
     * @throws IllegalArgumentException when a character is not in the alphabet (check {@link #fits} first)
     */
    static byte[] encode(CharSequence text) {
        byte[] out = new byte[septetCount(text)];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Integer code = ENCODE_DEFAULT.get(c);
            if (code != null) {
                out[n++] = code.byteValue();
            } else {
                out[n++] = ESCAPE;
                out[n++] = ENCODE_EXTENSION.get(c).byteValue();
            }
        }
        return out;
    }

    /**
     * Text for septet values (only the low 7 bits of each byte count). An escape before a code the extension
     * table lacks shows the default-table character, as 23.038 asks; a dangling escape at the end is dropped.
     */
    static String decode(byte[] septets) {
        StringBuilder out = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int code = septets[i] & 0x7F;
            if (code != ESCAPE) {
                out.append(DEFAULT_TABLE.charAt(code));
                continue;
            }
            if (i + 1 >= septets.length) {
                break;
            }
            int next = septets[++i] & 0x7F;
            char ext = EXTENSION[next];
            if (ext != 0) {
                out.append(ext);
            } else if (next == ESCAPE) {
                // ESC ESC is reserved for a further extension table nobody defines: show a space.
                out.append(' ');
            } else {
                out.append(DEFAULT_TABLE.charAt(next));
            }
        }
        return out.toString();
    }
}
