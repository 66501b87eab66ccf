package dev.callstack.testkit.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * One command line as the handlers see it: {@code body} is what follows {@code AT}, upper-cased (the key the
 * {@link CommandTable} looks up); {@code args} is what follows the first {@code '='} in the original case (PINs, USSD
 * codes), empty when there is none.
 */
record AtCommand(String line, String body, String args) {

    /** The command in {@code line}, or {@code null} when it does not start with {@code AT} (in any case). */
    static AtCommand parse(String line) {
        String upper = line.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("AT")) {
            return null;
        }
        int equals = line.indexOf('=');
        return new AtCommand(line, upper.substring(2), equals < 0 ? "" : line.substring(equals + 1));
    }

    /** The arguments split on commas outside double quotes. */
    List<String> fields() {
        return fields(args);
    }

    /** The argument at {@code position} as an integer; empty when it is missing or not a number. */
    OptionalInt integer(int position) {
        List<String> fields = fields();
        if (fields.size() <= position) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(fields.get(position).strip()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    static String unquote(String value) {
        String v = value.strip();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    /** Splits arguments on commas outside double quotes. */
    static List<String> fields(String args) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }
}
