package dev.callstack.modem.internal.sms;

import java.util.List;
import java.util.Optional;

/**
 * How full the read storage (mem1) is, as {@code AT+CPMS?} answers it: {@code +CPMS: "SM",3,30,"SM",3,30,"SM",3,30}
 * (the set form's answer, {@code +CPMS: 3,30,...}, has no names and is read the same way).
 *
 * @param used  occupied slots
 * @param total slots
 */
record StorageUsage(int used, int total) {
    StorageUsage {
        if (used < 0 || total < 0) {
            throw new IllegalArgumentException("used and total must not be negative");
        }
    }

    /** The first two numbers of a {@code +CPMS:} line; empty when the line has none. */
    static Optional<StorageUsage> parse(String line) {
        int colon = line.indexOf(':');
        if (colon < 0 || !line.regionMatches(true, 0, "+CPMS", 0, 5)) {
            return Optional.empty();
        }
        List<String> fields = List.of(line.substring(colon + 1).split(","));
        int first = fields.isEmpty() || fields.get(0).contains("\"") ? 1 : 0;
        if (fields.size() < first + 2) {
            return Optional.empty();
        }
        int used = number(fields.get(first));
        int total = number(fields.get(first + 1));
        return used < 0 || total < 0 ? Optional.empty() : Optional.of(new StorageUsage(used, total));
    }

    private static int number(String field) {
        String f = field.strip();
        if (f.isEmpty() || f.length() > 6 || !f.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Integer.parseInt(f);
    }
}
