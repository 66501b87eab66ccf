package dev.callstack.modem.internal.at;

import java.util.Locale;
import java.util.Map;

/**
 * A final result code and what it means. Following ModemManager: {@code +CME ERROR: } with a value (even an empty
 * one after the space) is final, a bare {@code +CME ERROR:} is not; verbose error texts are mapped to their 27.007
 * numbers where known.
 *
 * @param kind the class of result
 * @param code the numeric {@code +CME}/{@code +CMS} code, or null when there was none (or unknown verbose text)
 * @param line the line as received
 */
public record FinalResult(Kind kind, Integer code, String line) {
    public enum Kind { OK, CONNECT, ERROR, CME_ERROR, CMS_ERROR, CALL_FAILED }

    private static final Map<String, Integer> VERBOSE_CME = Map.ofEntries(
            Map.entry("phone failure", 0),
            Map.entry("operation not allowed", 3),
            Map.entry("operation not supported", 4),
            Map.entry("sim not inserted", 10),
            Map.entry("sim pin required", 11),
            Map.entry("sim puk required", 12),
            Map.entry("sim failure", 13),
            Map.entry("sim busy", 14),
            Map.entry("sim wrong", 15),
            Map.entry("incorrect password", 16),
            Map.entry("sim pin2 required", 17),
            Map.entry("sim puk2 required", 18),
            Map.entry("memory full", 20),
            Map.entry("invalid index", 21),
            Map.entry("not found", 22),
            Map.entry("no network service", 30),
            Map.entry("network timeout", 31),
            Map.entry("unknown", 100));

    public boolean isSuccess() {
        return kind == Kind.OK || kind == Kind.CONNECT;
    }

    /**
     * Classifies {@code line}; null when it is not final for a command of this kind ({@code dial}: call progress
     * results end the command).
     */
    public static FinalResult parse(String line, boolean dial) {
        String s = line.strip();
        String upper = s.toUpperCase(Locale.ROOT);
        switch (upper) {
            case "OK" -> {
                return new FinalResult(Kind.OK, null, line);
            }
            case "ERROR", "COMMAND NOT SUPPORT", "TOO MANY PARAMETERS" -> {
                return new FinalResult(Kind.ERROR, null, line);
            }
            case "NO CARRIER", "BUSY", "NO ANSWER", "NO DIALTONE" -> {
                return dial ? new FinalResult(Kind.CALL_FAILED, null, line) : null;
            }
            default -> {
                // not a fixed word: an error with a code, or no final result
            }
        }
        if (dial && upper.startsWith("CONNECT")) {
            return new FinalResult(Kind.CONNECT, null, line);
        }
        if (upper.startsWith("MODEM ERROR:")) {
            return new FinalResult(Kind.ERROR, parseCode(s.substring("MODEM ERROR:".length()), false), line);
        }
        if (line.regionMatches(true, 0, "+CME ERROR:", 0, 11) && line.length() > 11) {
            return new FinalResult(Kind.CME_ERROR, parseCode(line.substring(11), true), line);
        }
        if (line.regionMatches(true, 0, "+CMS ERROR:", 0, 11) && line.length() > 11) {
            return new FinalResult(Kind.CMS_ERROR, parseCode(line.substring(11), false), line);
        }
        return null;
    }

    /** The error label used in exception messages: stable, never contains the modem's free text. */
    public String label() {
        return switch (kind) {
            case OK -> "OK";
            case CONNECT -> "CONNECT";
            case ERROR -> "ERROR";
            case CME_ERROR -> "+CME ERROR";
            case CMS_ERROR -> "+CMS ERROR";
            case CALL_FAILED -> line.strip().toUpperCase(Locale.ROOT);
        };
    }

    private static Integer parseCode(String value, boolean verboseCme) {
        String v = value.strip();
        if (v.isEmpty()) {
            return null;
        }
        if (v.chars().allMatch(c -> c >= '0' && c <= '9') && v.length() <= 6) {
            return Integer.parseInt(v);
        }
        return verboseCme ? VERBOSE_CME.get(v.toLowerCase(Locale.ROOT)) : null;
    }
}
