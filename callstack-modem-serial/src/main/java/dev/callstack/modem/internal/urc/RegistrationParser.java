package dev.callstack.modem.internal.urc;

import java.util.List;

/**
 * Reads the stat out of {@code +CREG}/{@code +CGREG}/{@code +CEREG}/{@code +C5GREG} lines in every shape real modems
 * send. The answer to {@code AT+CREG?} starts with {@code <n>,<stat>}; the URC starts with {@code <stat>}, followed
 * by a LAC that is quoted or hex. So: one field is a URC stat; two fields are {@code n,stat}; with three or more,
 * a short plain decimal (or empty) second field is a stat (answer shape), anything else is a LAC (URC shape).
 * The {@code <AcT>} follows the LAC/TAC and the cell id in both shapes ({@code <n>,<stat>,<lac>,<ci>,<AcT>} and
 * {@code <stat>,<lac>,<ci>,<AcT>}); {@code +CGREG}'s {@code <rac>} and {@code +C5GREG}'s slice fields come after it.
 * Never throws.
 *
 * <p>Pure.
 */
public final class RegistrationParser {
    private static final int ANSWER_ACT = 4;
    private static final int URC_ACT = 3;
    private static final int MAX_ACT = 13;

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

    /**
     * The {@code <AcT>} (0–13, 3GPP TS 27.007), or -1 when the line has none (SIM800 never sends one, and no modem does
     * with {@code <n>} below 2) or it is malformed. A modem that puts an extra field before it (Novatel E362) gets
     * -1 here rather than a wrong technology.
     */
    public static int act(String line) {
        List<String> fields = AtFields.split(AtFields.params(line));
        if (fields.size() == 1) {
            return -1;
        }
        int index = isAnswerShape(fields) ? ANSWER_ACT : URC_ACT;
        if (fields.size() <= index) {
            return -1;
        }
        int act = AtFields.intOrMinus(fields.get(index));
        return act <= MAX_ACT ? act : -1;
    }

    /**
     * The {@code <AcT>} of {@code +COPS: <mode>[,<format>,<oper>[,<AcT>]]}, or -1 when absent or malformed. The
     * fallback when a registration line carries none.
     */
    public static int operatorAct(String line) {
        List<String> fields = AtFields.split(AtFields.params(line));
        if (fields.size() < 4) {
            return -1;
        }
        int act = AtFields.intOrMinus(fields.get(3));
        return act <= MAX_ACT ? act : -1;
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
    public static String type(String line) {
        int colon = line.indexOf(':');
        return line.substring(1, colon).strip();
    }
}
