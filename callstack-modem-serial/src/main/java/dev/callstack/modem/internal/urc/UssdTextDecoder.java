package dev.callstack.modem.internal.urc;

import dev.callstack.modem.pdu.Gsm7;
import dev.callstack.modem.pdu.PduHex;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

/**
 * Decodes the text of a {@code +CUSD} reply. Modems report a DCS but often do not honour it (UCS-2 hex under DCS 15,
 * packed GSM-7 as hex, plain text under any DCS), so the payload decides: hex that reads as UCS-2 is UCS-2, hex
 * that unpacks into readable GSM-7 is GSM-7, anything else is kept as the modem sent it. Binary garbage after a
 * UCS-2 NUL/U+FFFF is cut off. DCS 0x11 (UCS-2 with a language prefix) skips the two-octet language.
 *
 * <p>Pure. Septet unpacking and the GSM-7 table come from the PDU codec ({@link Gsm7}).
 */
final class UssdTextDecoder {
    private static final int MIN_HEX = 8;
    private static final double MIN_READABLE = 0.85;
    private static final double MIN_UCS2_COMMON = 0.6;
    /** A reply is written in one script (plus digits and punctuation); a packed GSM-7 jumble shows several. */
    private static final int MAX_SCRIPTS = 1;

    private static final String READABLE_PUNCTUATION = " .,:;!?-+*#()/%'\"=&@$£€\n\r<>_{}[]~|\\^";

    private UssdTextDecoder() {
    }

    static String decode(String text, int dcs) {
        if (!PduHex.isHexDigits(text) || text.length() < MIN_HEX || text.length() % 2 != 0) {
            return text;
        }
        Alphabet declared = alphabet(dcs);
        if (declared == Alphabet.UCS2 || declared == Alphabet.UCS2_LANGUAGE) {
            String ucs2 = ucs2(text, declared == Alphabet.UCS2_LANGUAGE, true);
            if (ucs2 != null) {
                return ucs2;
            }
        }
        String ucs2 = ucs2(text, false, false);
        if (ucs2 != null) {
            return ucs2;
        }
        String ascii = packedGsm7(text);
        if (ascii != null && ascii.chars().allMatch(c -> (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r')) {
            return ascii;
        }
        ucs2 = singleScriptUcs2(text);
        if (ucs2 != null) {
            return ucs2;
        }
        String gsm = ascii;
        if (gsm != null) {
            return gsm;
        }
        return text;
    }

    enum Alphabet { GSM7, UCS2, UCS2_LANGUAGE, EIGHT_BIT, UNKNOWN }

    /** 3GPP TS 23.038 section 5 (CBS data coding scheme, which USSD uses). */
    static Alphabet alphabet(int dcs) {
        if (dcs < 0 || dcs > 0xFF) {
            return Alphabet.UNKNOWN;
        }
        int group = dcs >> 4;
        if (group == 0x0 || group == 0x2 || group == 0x3) {
            return Alphabet.GSM7;
        }
        if (group == 0x1) {
            return dcs == 0x10 ? Alphabet.GSM7 : dcs == 0x11 ? Alphabet.UCS2_LANGUAGE : Alphabet.UNKNOWN;
        }
        if ((group & 0xC) == 0x4 || group == 0x9) {
            return switch ((dcs >> 2) & 0x3) {
                case 0 -> Alphabet.GSM7;
                case 1 -> Alphabet.EIGHT_BIT;
                case 2 -> Alphabet.UCS2;
                default -> Alphabet.UNKNOWN;
            };
        }
        if (group == 0xF) {
            return (dcs & 0x4) == 0 ? Alphabet.GSM7 : Alphabet.EIGHT_BIT;
        }
        return Alphabet.UNKNOWN;
    }

    /** UCS-2 big-endian, cut at the first U+0000/U+FFFF; null when it does not read as text. */
    private static String ucs2(String hex, boolean skipLanguage, boolean trusted) {
        if (hex.length() % 4 != 0) {
            return null;
        }
        StringBuilder out = new StringBuilder(hex.length() / 4);
        int common = 0;
        for (int i = skipLanguage ? 4 : 0; i + 4 <= hex.length(); i += 4) {
            char c = (char) Integer.parseInt(hex.substring(i, i + 4), 16);
            if (c == 0x0000 || c == 0xFFFF) {
                break;
            }
            if (c < 0x20 && c != '\n' && c != '\r') {
                return null;
            }
            int high = c >> 8;
            if (high == 0x00 || high == 0x01 || (high >= 0x03 && high <= 0x06) || high == 0x20) {
                common++;
            }
            out.append(c);
        }
        if (out.length() == 0) {
            return null;
        }
        if (!trusted && common < MIN_UCS2_COMMON * out.length()) {
            return null;
        }
        String s = out.toString();
        return isWellFormed(s) ? s : null;
    }

    /**
     * UCS-2 from a modem left in {@code AT+CSCS="UCS2"}, which hex-encodes replies in scripts the common-range test
     * does not count (CJK, Thai...) whatever the DCS: accepted when every character is assigned, printable and not
     * private-use, and at most {@value #MAX_SCRIPTS} script (Han, Hiragana and Katakana counting as one) besides
     * digits and punctuation appears. Packed GSM-7 read as UCS-2 gives a jumble of unrelated scripts, so it does not
     * pass; packed GSM-7 that reads as plain ASCII is tried before this.
     */
    private static String singleScriptUcs2(String hex) {
        if (hex.length() % 4 != 0) {
            return null;
        }
        Set<Character.UnicodeScript> scripts = EnumSet.noneOf(Character.UnicodeScript.class);
        StringBuilder out = new StringBuilder(hex.length() / 4);
        for (int i = 0; i < hex.length(); i += 4) {
            char c = (char) Integer.parseInt(hex.substring(i, i + 4), 16);
            int type = Character.getType(c);
            if (type == Character.UNASSIGNED || type == Character.PRIVATE_USE || type == Character.SURROGATE
                    || (Character.isISOControl(c) && c != '\n' && c != '\r')) {
                return null;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA) {
                script = Character.UnicodeScript.HAN; // Japanese writes the three together
            }
            if (script != Character.UnicodeScript.COMMON && script != Character.UnicodeScript.INHERITED) {
                scripts.add(script);
            }
            out.append(c);
        }
        return scripts.size() <= MAX_SCRIPTS ? out.toString() : null;
    }

    /** Packed GSM-7 septets (23.038 6.1.2.3.1); null when the result is not readable text. */
    private static String packedGsm7(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        int septets = bytes.length * 8 / 7;
        String text = Gsm7.decodePacked(bytes, septets);
        // Fill: CR per 23.038 when 7 spare bits remain, or an @ (zero septet) left by the packing.
        int len = text.length();
        if (len > 0 && bytes.length * 8 % 7 == 0 && (text.charAt(len - 1) == '\r' || text.charAt(len - 1) == '@')) {
            len--;
        }
        while (len > 0 && text.charAt(len - 1) == '\r') {
            len--;
        }
        text = text.substring(0, len);
        int readable = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) || READABLE_PUNCTUATION.indexOf(c) >= 0) {
                readable++;
            }
        }
        if (text.isEmpty() || readable < MIN_READABLE * text.length()) {
            return null;
        }
        return text;
    }

    private static boolean isWellFormed(String s) {
        byte[] round = s.getBytes(StandardCharsets.UTF_8);
        return new String(round, StandardCharsets.UTF_8).equals(s);
    }
}
