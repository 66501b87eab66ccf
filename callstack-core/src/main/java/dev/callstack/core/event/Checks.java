package dev.callstack.core.event;

import java.util.Objects;

/** Field checks shared by the event records; messages name the field, never its value. */
final class Checks {
    private Checks() {
    }

    static <T> T notNull(T value, String field) {
        return Objects.requireNonNull(value, field);
    }

    static String notBlank(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    static int range(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be in " + min + ".." + max + ", was " + value);
        }
        return value;
    }

    static void positive(Long value, String field) {
        if (value != null && value <= 0) {
            throw new IllegalArgumentException(field + " must be positive when present");
        }
    }
}
