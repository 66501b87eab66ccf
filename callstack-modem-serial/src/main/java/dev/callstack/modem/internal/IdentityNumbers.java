package dev.callstack.modem.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The number in an identity answer: {@code 490154203237518}, {@code +CGSN: 490154203237518},
 * {@code +CCID: "89490200001234567890"}, {@code +QCCID: 8949020000123456789F}, {@code ^ICCID: 98940...}. Any
 * {@code <name>:} prefix and quotes go; what is left must be 6 to 22 digits (an ICCID may end in the filler
 * {@code F}), otherwise the answer is not an identity (an error text, a firmware banner) and yields null.
 *
 * <p>Pure and stateless.
 */
final class IdentityNumbers {
    private static final Pattern NUMBER = Pattern.compile("\\d{6,22}F?");

    private IdentityNumbers() {
    }

    /** The number in {@code answer} (the first answer line), or null. */
    static String parse(String answer) {
        if (answer == null) {
            return null;
        }
        String value = answer.strip();
        int colon = value.indexOf(':');
        if (colon > 0 && colon < 10 && !Character.isDigit(value.charAt(0))) {
            value = value.substring(colon + 1).strip();
        }
        value = value.replace("\"", "").strip().toUpperCase(Locale.ROOT);
        if (value.endsWith("F")) {
            value = value.substring(0, value.length() - 1);
        }
        return NUMBER.matcher(value).matches() ? value : null;
    }
}
