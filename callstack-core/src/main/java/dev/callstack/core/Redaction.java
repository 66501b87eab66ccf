package dev.callstack.core;

/**
 * The one redaction rule for logs, errors and realtime payloads.
 *
 * <p>A phone-like value keeps a leading {@code +} if present and shows only its last four ASCII digits after
 * {@code ***}: {@code +15550100100 → +***0100}, {@code 12345 → ***2345}, {@code 1234 → ***}, {@code +1234 → +***},
 * {@code " +1 (555) 123-4567" → +***4567}. A value with no digit (an alphanumeric sender such as {@code DUO}) is
 * returned unchanged; {@code null} or empty gives {@code unknown}.
 */
public final class Redaction {
    /** Replaces free text (bodies, USSD text, DTMF digits) wherever it would otherwise appear. */
    public static final String REDACTED = "[redacted]";
    /** Stands in for a missing ({@code null} or empty) value, so absence stays distinguishable from redaction. */
    public static final String UNKNOWN = "unknown";

    private static final int VISIBLE_DIGITS = 4;

    private Redaction() {
    }

    /**
     * Redacts a phone-like value as the class comment describes.
     *
     * @param value a number in any form, an alphanumeric sender, or null
     * @return the redacted form; {@link #UNKNOWN} for {@code null} or empty
     */
    public static String phone(String value) {
        if (value == null || value.isEmpty()) {
            return UNKNOWN;
        }
        StringBuilder digits = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        if (digits.length() == 0) {
            return value;
        }
        String prefix = value.strip().startsWith("+") ? "+***" : "***";
        if (digits.length() <= VISIBLE_DIGITS) {
            return prefix;
        }
        return prefix + digits.substring(digits.length() - VISIBLE_DIGITS);
    }

    /**
     * Free text is never shown, only whether it was there.
     *
     * @param value a body, USSD text or DTMF string; may be null
     * @return {@link #REDACTED}, or {@link #UNKNOWN} for {@code null}
     */
    public static String text(String value) {
        return value == null ? UNKNOWN : REDACTED;
    }
}
