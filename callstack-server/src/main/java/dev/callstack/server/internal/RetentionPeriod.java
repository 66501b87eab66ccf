package dev.callstack.server.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --retention}: how long message bodies and numbers are kept, as whole hours ({@code 12h}) or days
 * ({@code 90d}); {@code 0} keeps them forever. Stateless.
 */
public final class RetentionPeriod {
    /** The default: ninety days. */
    public static final String DEFAULT = "90d";
    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,6})([hd])");

    private RetentionPeriod() {
    }

    /**
     * The period {@code value} names; {@link Duration#ZERO} means keep forever.
     *
     * @throws IllegalArgumentException when {@code value} is not {@code 0}, {@code <n>h} or {@code <n>d}
     */
    public static Duration parse(String value) {
        String trimmed = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (trimmed.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = SYNTAX.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException("--retention must be hours or days such as 12h or 90d, "
                    + "or 0 to keep messages forever");
        }
        long amount = Long.parseLong(m.group(1));
        return m.group(2).equals("h") ? Duration.ofHours(amount) : Duration.ofDays(amount);
    }

    /** {@code 90d}, {@code 36h} or {@code forever}, for logs. */
    static String label(Duration period) {
        if (period.isZero()) {
            return "forever";
        }
        return period.toHours() % 24 == 0 ? period.toDays() + "d" : period.toHours() + "h";
    }
}
