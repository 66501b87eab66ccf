package dev.callstack.modem.internal.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code AT+CNMI} setting chosen from the modem's {@code AT+CNMI=?} ranges
 * ({@code +CNMI: (0-2),(0-3),(0,2),(0-2),(0,1)}, or list forms like {@code (0,1,2)}): {@code mt=1} (store and
 * announce with {@code +CMTI}), {@code ds} 2 (stored report, {@code +CDSI}) else 1 ({@code +CDS}) else 0,
 * {@code bm=0}, {@code mode} 2 (buffer while the link is busy) else 1, {@code bfr} 0 when offered else 1. A value
 * outside the ranges is never chosen: a modem refuses the whole command and then announces nothing.
 *
 * <p>Pure.
 */
final class CnmiChoice {
    private static final int[][] PREFERENCES = {
        {2, 1, 0},     // mode
        {1, 2, 0},     // mt: stored and announced first; +CMT (2) still beats nothing
        {0, 2},        // bm
        {2, 1, 0},     // ds
        {0, 1},        // bfr
    };

    private CnmiChoice() {
    }

    /** The command for a {@code +CNMI=?} answer (prefix stripped or not), or empty when it cannot be read. */
    static Optional<String> choose(String answer) {
        List<Set<Integer>> ranges = parse(answer);
        if (ranges.size() < 2) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < PREFERENCES.length && i < ranges.size(); i++) {
            Optional<Integer> pick = pick(PREFERENCES[i], ranges.get(i));
            if (pick.isEmpty()) {
                return Optional.empty();
            }
            values.add(String.valueOf(pick.get()));
        }
        return Optional.of("AT+CNMI=" + String.join(",", values));
    }

    private static Optional<Integer> pick(int[] preferences, Set<Integer> offered) {
        for (int p : preferences) {
            if (offered.contains(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The parenthesised groups in order: {@code (0-2)} is 0, 1, 2; {@code (0,2)} is 0 and 2. */
    static List<Set<Integer>> parse(String answer) {
        List<Set<Integer>> groups = new ArrayList<>();
        int i = 0;
        while (true) {
            int open = answer.indexOf('(', i);
            if (open < 0) {
                return groups;
            }
            int close = answer.indexOf(')', open);
            if (close < 0) {
                return groups;
            }
            Set<Integer> values = new TreeSet<>();
            for (String part : answer.substring(open + 1, close).split(",", -1)) {
                addRange(values, part.strip());
            }
            groups.add(values);
            i = close + 1;
        }
    }

    private static void addRange(Set<Integer> values, String part) {
        if (part.isEmpty()) {
            return;
        }
        int dash = part.indexOf('-');
        try {
            if (dash > 0) {
                int from = Integer.parseInt(part.substring(0, dash).strip());
                int to = Math.min(Integer.parseInt(part.substring(dash + 1).strip()), from + 16);
                for (int v = from; v <= to; v++) {
                    values.add(v);
                }
            } else {
                values.add(Integer.parseInt(part));
            }
        } catch (NumberFormatException e) {
            // an unreadable entry offers nothing
        }
    }
}
