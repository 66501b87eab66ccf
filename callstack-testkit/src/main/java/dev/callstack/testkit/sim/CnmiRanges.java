package dev.callstack.testkit.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The values a modem offers for {@code AT+CNMI=<mode>,<mt>,<bm>,<ds>,<bfr>}, as its {@code AT+CNMI=?} answer spells
 * them: {@code (0-3),(0-3),(0,2),(0-2),(0,1)}. The simulator answers the test command with {@link #text()} and
 * refuses a set outside the ranges.
 *
 * <p>Immutable.
 */
record CnmiRanges(String text, List<Set<Integer>> allowed) {
    CnmiRanges {
        Objects.requireNonNull(text, "text");
        allowed = List.copyOf(allowed);
    }

    /** Parses {@code (0-3),(0-3),(0,2),(0-2),(0,1)}; a missing group allows only 0. */
    static CnmiRanges parse(String text) {
        List<Set<Integer>> groups = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('(', i);
            if (open < 0) {
                break;
            }
            int close = text.indexOf(')', open);
            if (close < 0) {
                throw new IllegalArgumentException("unbalanced CNMI ranges: " + text);
            }
            Set<Integer> values = new TreeSet<>();
            for (String part : text.substring(open + 1, close).split(",", -1)) {
                String p = part.strip();
                int dash = p.indexOf('-');
                if (dash > 0) {
                    for (int v = Integer.parseInt(p.substring(0, dash).strip());
                         v <= Integer.parseInt(p.substring(dash + 1).strip()); v++) {
                        values.add(v);
                    }
                } else if (!p.isEmpty()) {
                    values.add(Integer.parseInt(p));
                }
            }
            groups.add(Set.copyOf(values));
            i = close + 1;
        }
        while (groups.size() < 5) {
            groups.add(Set.of(0));
        }
        return new CnmiRanges(text, groups);
    }

    /** Whether every given value ({@code mode, mt, bm, ds, bfr}, trailing ones may be missing) is offered. */
    boolean allows(int[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i >= allowed.size() || !allowed.get(i).contains(values[i])) {
                return false;
            }
        }
        return true;
    }
}
