package dev.callstack.core;

import java.util.Objects;

/**
 * A dialable phone number: an optional leading {@code +} and 3–15 ASCII digits (E.164 allows at most 15).
 * The one place phone numbers are validated; the error message never echoes the input.
 *
 * <p>Immutable.
 */
public record PhoneNumber(String value) {
    public PhoneNumber {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new InvalidRequestException("invalid phone number: expected an optional '+' and 3 to 15 digits");
        }
    }

    public static PhoneNumber of(String value) {
        return new PhoneNumber(value);
    }

    public static boolean isValid(String value) {
        if (value == null) {
            return false;
        }
        int start = value.startsWith("+") ? 1 : 0;
        int digits = value.length() - start;
        if (digits < 3 || digits > 15) {
            return false;
        }
        for (int i = start; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    public boolean isInternational() {
        return value.startsWith("+");
    }

    /** The digits without the leading {@code +}. */
    public String digits() {
        return isInternational() ? value.substring(1) : value;
    }

    /** Redacted, so a number that ends up in a log line or an exception stays private. */
    @Override
    public String toString() {
        return Redaction.phone(value);
    }
}
