package dev.callstack.server.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Reads a duration flag: a number with {@code ms}, {@code s}, {@code m}, {@code h} or {@code d}, or a bare {@code 0}.
 * Stateless.
 */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if ("0".equals(text)) {
            return Duration.ZERO; // zero needs no unit: "--sweep-interval 0" turns the sweep off
        }
        int digits = 0;
        while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
            digits++;
        }
        if (digits == 0 || digits > 9) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration such as 10s or 500ms");
        }
        long amount = Long.parseLong(text.substring(0, digits));
        return switch (text.substring(digits)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a duration such as 10s or 500ms");
        };
    }
}
