package dev.callstack.modem.internal.urc;

import java.util.List;

/**
 * Reads the stat out of {@code +CREG}/{@code +CGREG}/{@code +CEREG}/{@code +C5GREG} lines in every shape real modems
 * send. The answer to {@code AT+CREG?} starts with {@code <n>,<stat>}; the URC starts with {@code <stat>}, followed
 * by a LAC that is quoted or hex. So: one field is a URC stat; two fields are {@code n,stat}; with three or more,
 * a short plain decimal (or empty) second field is a stat (answer shape), anything else is a LAC (URC shape).
 * Never throws.
 *
 * <p>Pure.
 */
public final class RegistrationParser {
    private RegistrationParser() {
    }

    /** The stat, or -1 when the line carries none or is malformed. */
    public static int stat(String line) {
        List<String> fields = AtFields.split(AtFields.params(line));
        if (fields.size() == 1) {
            return AtFields.intOrMinus(fields.get(0));
        }
        if (isAnswerShape(fields)) {
            return AtFields.intOrMinus(fields.get(1));
        }
        return AtFields.intOrMinus(fields.get(0));
    }

    /** True when the line has the shape of the answer to a {@code ?} query ({@code <n>,<stat>...}). */
    public static boolean isAnswerShape(String line) {
        return isAnswerShape(AtFields.split(AtFields.params(line)));
    }

    private static boolean isAnswerShape(List<String> fields) {
        if (fields.size() == 1) {
            return false;
        }
        if (fields.size() == 2) {
            return true;
        }
        String second = fields.get(1);
        if (AtFields.isQuoted(second)) {
            return false;
        }
        String s = second.strip();
        if (s.isEmpty()) {
            return true;
        }
        int value = AtFields.intOrMinus(s);
        return s.length() <= 3 && value >= 0 && value <= 11;
    }

    /** The registration type from the line's prefix ({@code CREG}, {@code CGREG}, {@code CEREG}, {@code C5GREG}). */
    static String type(String line) {
        int colon = line.indexOf(':');
        return line.substring(1, colon).strip();
    }
}
