package dev.callstack.realtime.internal;

/**
 * The one mapping from a USSD data coding scheme (3GPP TS 23.038 §5, CBS coding groups) to the {@code encoding}
 * label of {@code ussd.response}:
 *
 * <table>
 *   <caption>DCS → label</caption>
 *   <tr><th>DCS (hex)</th><th>coding group</th><th>label</th></tr>
 *   <tr><td>00–0F, 20–3F</td><td>language groups, GSM 7-bit default alphabet</td><td>{@code gsm7}</td></tr>
 *   <tr><td>10</td><td>GSM 7-bit, language indication in the text</td><td>{@code gsm7}</td></tr>
 *   <tr><td>11</td><td>UCS-2, language indication in the text</td><td>{@code ucs2}</td></tr>
 *   <tr><td>40–7F, 90–9F</td><td>general / with user data header; alphabet in bits 3–2:
 *       00 {@code gsm7}, 01 {@code 8bit}, 10 {@code ucs2}, 11 {@code unknown}; compressed text (bit 5) is
 *       {@code unknown}</td><td>see left</td></tr>
 *   <tr><td>F0–FF</td><td>data coding / message class; bit 2: 0 {@code gsm7}, 1 {@code 8bit}</td><td>see left</td></tr>
 *   <tr><td>12–1F, 80–8F, A0–EF</td><td>reserved, WAP</td><td>{@code unknown}</td></tr>
 *   <tr><td>-1</td><td>the modem reported no DCS</td><td>{@code unknown}</td></tr>
 * </table>
 */
public final class UssdEncodingLabel {
    public static final String GSM7 = "gsm7";
    public static final String UCS2 = "ucs2";
    public static final String EIGHT_BIT = "8bit";
    public static final String UNKNOWN = "unknown";

    private UssdEncodingLabel() {
    }

    public static String of(int dataCodingScheme) {
        if (dataCodingScheme < 0 || dataCodingScheme > 0xFF) {
            return UNKNOWN;
        }
        int group = dataCodingScheme >>> 4;
        return switch (group) {
            case 0x0, 0x2, 0x3 -> GSM7;
            case 0x1 -> dataCodingScheme == 0x10 ? GSM7 : dataCodingScheme == 0x11 ? UCS2 : UNKNOWN;
            // 0x4-0x7: general data coding, bit 5 set means compressed, which nobody decodes; 0x9: message class
            case 0x4, 0x5, 0x6, 0x7 -> (dataCodingScheme & 0x20) != 0 ? UNKNOWN
                    : alphabet((dataCodingScheme >>> 2) & 0x3);
            case 0x9 -> alphabet((dataCodingScheme >>> 2) & 0x3);
            case 0xF -> (dataCodingScheme & 0x04) == 0 ? GSM7 : EIGHT_BIT;
            default -> UNKNOWN;
        };
    }

    private static String alphabet(int bits) {
        return switch (bits) {
            case 0 -> GSM7;
            case 1 -> EIGHT_BIT;
            case 2 -> UCS2;
            default -> UNKNOWN;
        };
    }
}
