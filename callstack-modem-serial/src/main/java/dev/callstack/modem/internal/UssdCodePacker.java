package dev.callstack.modem.internal;

import java.util.Locale;

/**
 * Writes a USSD code as packed GSM-7 septets in hex (3GPP TS 23.038 6.1.2.3.1), the form Huawei modems want in
 * {@code AT+CUSD} (ModemManager's Huawei plugin encodes the same way): {@code *100#} becomes {@code AA180C3602}.
 * USSD codes are digits, {@code *}, {@code #} and {@code +}, whose GSM-7 codes equal their ASCII codes; when 7
 * spare bits remain in the last octet they are filled with CR, so the receiver does not read an {@code @}.
 *
 * <p>Pure.
 */
final class UssdCodePacker {
    private static final int CR = 0x0D;

    private UssdCodePacker() {
    }

    static String pack(String code) {
        int septets = code.length();
        int octets = (septets * 7 + 7) / 8;
        byte[] out = new byte[octets];
        for (int i = 0; i < septets; i++) {
            write(out, i, septet(code.charAt(i)));
        }
        if (septets * 7 % 8 == 1) {
            write(out, septets, CR);
        }
        StringBuilder hex = new StringBuilder(octets * 2);
        for (byte b : out) {
            hex.append(String.format(Locale.ROOT, "%02X", b & 0xFF));
        }
        return hex.toString();
    }

    private static int septet(char c) {
        if ((c >= '0' && c <= '9') || c == '*' || c == '#' || c == '+') {
            return c;
        }
        throw new IllegalArgumentException("not a USSD code character");
    }

    private static void write(byte[] out, int index, int septet) {
        int bit = index * 7;
        int octet = bit / 8;
        int shift = bit % 8;
        out[octet] |= (byte) (septet << shift);
        if (shift > 1 && octet + 1 < out.length) {
            out[octet + 1] |= (byte) (septet >> (8 - shift));
        }
    }
}
