package dev.callstack.core;

import java.util.Objects;

/**
 * A dialable phone number: an optional leading {@code +} and 3–15 ASCII digits (E.164 allows at most 15).
 * The one place phone numbers are validated; the error message never echoes the input.
 *
 * <p>Immutable.
 */
public record PhoneNumber(String value) {
    /**
     * Validates the number with {@link #isValid(String)}; an invalid one is an {@link InvalidRequestException}.
     *
     * @param value an optional {@code +} and 3–15 ASCII digits, nothing else (no spaces or dashes)
     */
    public PhoneNumber {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new InvalidRequestException("invalid phone number: expected an optional '+' and 3 to 15 digits");
        }
    }

    /**
     * Parses and validates a phone number.
     *
     * @param value an optional {@code +} and 3–15 ASCII digits
     * @return the number
     * @throws InvalidRequestException if {@code value} is not such a number (the message does not echo it)
     */
    public static PhoneNumber of(String value) {
        return new PhoneNumber(value);
    }

    /**
     * The one rule for a dialable number, for callers that want to check without catching.
     *
     * @param value the candidate; may be null
     * @return true when it is an optional {@code +} followed by 3–15 ASCII digits
     */
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

    /**
     * Whether the number is in international form.
     *
     * @return true when it starts with {@code +}
     */
    public boolean isInternational() {
        return value.startsWith("+");
    }

    /**
     * The digits without the leading {@code +}.
     *
     * @return 3–15 ASCII digits
     */
    public String digits() {
        return isInternational() ? value.substring(1) : value;
    }

    /** Redacted, so a number that ends up in a log line or an exception stays private. */
    @Override
    public String toString() {
        return Redaction.phone(value);
    }
}
