package dev.callstack.server.internal;

import java.util.regex.Pattern;

/**
 * One entry of a voice plan's {@code answer.from}: an E.164 glob, {@code +} and digits with {@code *} (any digits,
 * possibly none) and {@code ?} (one digit), e.g. {@code +4915*}. A withheld caller (no number) matches only the
 * pattern {@code *} alone: "everyone" includes callers who hide their number, a prefix cannot match them.
 * Immutable.
 */
final class CallerPattern {
    private static final Pattern SYNTAX = Pattern.compile("\\+?[0-9*?]{1,20}");

    private final String glob;
    private final Pattern regex;

    private CallerPattern(String glob) {
        this.glob = glob;
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            regex.append(switch (c) {
                case '*' -> "[0-9]*";
                case '?' -> "[0-9]";
                case '+' -> "\\+";
                default -> String.valueOf(c);
            });
        }
        this.regex = Pattern.compile(regex.toString());
    }

    /** Whether {@code glob} is a valid pattern. */
    static boolean isValid(String glob) {
        return glob != null && SYNTAX.matcher(glob).matches();
    }

    /** The pattern; throws {@link IllegalArgumentException} when {@link #isValid} says no. */
    static CallerPattern of(String glob) {
        if (!isValid(glob)) {
            throw new IllegalArgumentException("not a caller pattern");
        }
        return new CallerPattern(glob);
    }

    /** Whether {@code caller} (null or empty when withheld) matches. */
    boolean matches(String caller) {
        if (caller == null || caller.isEmpty()) {
            return "*".equals(glob);
        }
        return regex.matcher(caller).matches();
    }

    @Override
    public String toString() {
        return glob;
    }
}
