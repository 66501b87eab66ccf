package dev.callstack.modem.internal.urc;

import java.util.ArrayList;
import java.util.List;

/** Splits an AT parameter list on commas outside double quotes; unterminated quotes run to the end. Pure. */
final class AtFields {
    private AtFields() {
    }

    /** The raw fields (quotes kept, not stripped). */
    static List<String> split(String params) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < params.length(); i++) {
            char c = params.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                field.append(c);
            } else if (c == ',' && !quoted) {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }

    /** Strips spaces and one pair of surrounding quotes (or a lone leading/trailing quote). */
    static String unquote(String field) {
        String s = field.strip();
        if (s.startsWith("\"")) {
            s = s.substring(1);
        }
        if (s.endsWith("\"")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    static boolean isQuoted(String field) {
        return field.strip().startsWith("\"");
    }

    /** A decimal integer, spaces tolerated around it; -1 when it is not one (or has more than 6 digits). */
    static int intOrMinus(String field) {
        String s = unquote(field);
        if (s.isEmpty() || s.length() > 6) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(s);
    }

    /** The part after the first colon, or the empty string. */
    static String params(String line) {
        int colon = line.indexOf(':');
        return colon < 0 ? "" : line.substring(colon + 1);
    }
}
