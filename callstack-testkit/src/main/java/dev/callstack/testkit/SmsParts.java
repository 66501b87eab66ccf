package dev.callstack.testkit;

import dev.callstack.core.SmsEncoding;

/**
 * How many parts a text needs, by the usual 160/153 (GSM-7) and 70/67 (UCS-2) rule. An approximation good enough for
 * a fake: AUTO counts a text as GSM-7 when it is printable ASCII, and extension characters count as one septet.
 */
final class SmsParts {
    static final int MAX_PARTS = 255;

    private SmsParts() {
    }

    static int count(String body, SmsEncoding encoding) {
        boolean gsm7 = encoding == SmsEncoding.GSM7 || (encoding == SmsEncoding.AUTO && isPlainAscii(body));
        int single = gsm7 ? 160 : 70;
        int perPart = gsm7 ? 153 : 67;
        int length = body.length();
        return length <= single ? 1 : (length + perPart - 1) / perPart;
    }

    private static boolean isPlainAscii(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if ((c < 0x20 || c > 0x7E) && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}
