package dev.callstack.modem.pdu;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text into the bodies of concatenated parts without ever separating an escape pair (GSM-7 extension
 * character) or a surrogate pair (UCS-2). Stateless.
 */
final class TextSplitter {
    private TextSplitter() {
    }

    /**
     * @param perPart septets (GSM-7) or UTF-16 code units (UCS-2) a part may carry
     * @param maxParts stop and return {@code maxParts + 1} parts as soon as the text needs more than this
     */
    static List<String> split(String text, Coding coding, int perPart, int maxParts) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int used = 0;
        int i = 0;
        while (i < text.length()) {
            int width = width(text, i, coding);
            int cost = coding == Coding.GSM7 ? Gsm7Alphabet.septets(text.charAt(i)) : width;
            if (used + cost > perPart) {
                parts.add(text.substring(start, i));
                if (parts.size() > maxParts) {
                    return parts;
                }
                start = i;
                used = 0;
            }
            used += cost;
            i += width;
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** Chars that must stay together: a surrogate pair in UCS-2, otherwise one. */
    private static int width(String text, int i, Coding coding) {
        if (coding == Coding.UCS2 && Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1))) {
            return 2;
        }
        return 1;
    }
}
