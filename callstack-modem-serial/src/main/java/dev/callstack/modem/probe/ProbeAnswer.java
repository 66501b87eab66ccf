package dev.callstack.modem.probe;

import java.util.List;
import java.util.Objects;

/**
 * The modem's answer to one probe command.
 *
 * @param command   the command sent, e.g. {@code AT+CSQ}
 * @param result    how the exchange ended
 * @param lines     the information lines of the answer (may hold an IMEI in {@code ATI}; never log them)
 * @param finalLine the final result line ({@code OK}, {@code +CME ERROR: 10}) or null after a timeout
 */
public record ProbeAnswer(String command, Result result, List<String> lines, String finalLine) {
    /** How one exchange ended. */
    public enum Result {
        /** The modem answered {@code OK}. */
        OK,
        /** The modem answered {@code ERROR}, {@code +CME ERROR} or {@code +CMS ERROR}. */
        ERROR,
        /** No final result in time. */
        TIMEOUT,
        /** The link failed during the exchange. */
        LINK_LOST
    }

    /**
     * Validates and copies.
     *
     * @param command   the command sent
     * @param result    how the exchange ended
     * @param lines     the information lines
     * @param finalLine the final result line or null
     */
    public ProbeAnswer {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(result, "result");
        lines = List.copyOf(lines);
    }

    /**
     * The value after {@code prefix} on the first line that starts with it.
     *
     * @param prefix e.g. {@code +CSQ:}
     * @return the trimmed rest of the line, or null
     */
    public String value(String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).trim())
                .findFirst().orElse(null);
    }

    /**
     * The answer's free text (for {@code AT+CGMI}, {@code AT+CGMM}, {@code AT+CGMR}).
     *
     * @return the lines joined by a space, or null when there were none or the command failed
     */
    public String text() {
        return result != Result.OK || lines.isEmpty() ? null : String.join(" ", lines).trim();
    }
}
