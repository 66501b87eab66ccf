package dev.callstack.core.store;

/**
 * The one rule for "is this report about that recipient": networks echo the recipient in whatever form they
 * like ({@code +4917212345678}, {@code 4917212345678}, {@code 017212345678}). Stateless.
 */
public final class Recipients {
    /** Shortest national significant number we trust for a suffix match; shorter numbers must match exactly. */
    private static final int MIN_SUFFIX_DIGITS = 7;

    private Recipients() {
    }

    /**
     * True when both name the same number: equal digits (ignoring {@code +}, spaces and leading zeros), or one
     * is a suffix of the other of at least {@value #MIN_SUFFIX_DIGITS} digits (national vs international form).
     * Values without digits (alphanumeric senders) must be equal after stripping.
     *
     * @param a one number as stored or received; may be null
     * @param b the other; may be null
     * @return true when they name the same recipient; false when either is null or blank
     */
    public static boolean sameRecipient(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        String x = significantDigits(a);
        String y = significantDigits(b);
        if (x.isEmpty() || y.isEmpty()) {
            return a.strip().equals(b.strip()) && !a.isBlank();
        }
        if (x.equals(y)) {
            return true;
        }
        String shorter = x.length() <= y.length() ? x : y;
        String longer = x.length() <= y.length() ? y : x;
        return shorter.length() >= MIN_SUFFIX_DIGITS && longer.endsWith(shorter);
    }

    /**
     * Digits only, leading zeros (national trunk or international prefix 00) removed.
     *
     * @param value a phone number in any form; not null
     * @return its significant digits, possibly empty
     */
    public static String significantDigits(String value) {
        StringBuilder digits = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9' && !(digits.length() == 0 && c == '0')) {
                digits.append(c);
            }
        }
        return digits.toString();
    }
}
