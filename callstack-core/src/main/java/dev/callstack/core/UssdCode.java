package dev.callstack.core;

import java.util.Objects;

/**
 * A USSD code such as {@code *100#}: 1–64 characters of {@code 0-9 * #}, so it can never break out of the quoted
 * AT argument. The one place USSD codes are validated; the error never echoes the input.
 *
 * <p>Immutable. {@link #toString()} hides the code: it may carry account or voucher numbers.
 */
public record UssdCode(String value) {
    /** The longest code accepted, in characters. */
    public static final int MAX_LENGTH = 64;

    /**
     * Validates the code with {@link #isValid(String)}; an invalid one is an {@link InvalidRequestException}.
     *
     * @param value 1–{@value #MAX_LENGTH} characters of {@code 0-9 * #}
     */
    public UssdCode {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new InvalidRequestException("Invalid USSD code");
        }
    }

    /**
     * Parses and validates a USSD code.
     *
     * @param value 1–{@value #MAX_LENGTH} characters of {@code 0-9 * #}
     * @return the code
     * @throws InvalidRequestException if {@code value} is not such a code (the message does not echo it)
     */
    public static UssdCode of(String value) {
        return new UssdCode(value);
    }

    /**
     * The one rule for a USSD code, for callers that want to check without catching.
     *
     * @param value the candidate; may be null
     * @return true when it is 1–{@value #MAX_LENGTH} characters of {@code 0-9 * #}
     */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '*' && c != '#') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "UssdCode[" + Redaction.REDACTED + "]";
    }
}
