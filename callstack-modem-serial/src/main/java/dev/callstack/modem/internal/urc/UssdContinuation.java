package dev.callstack.modem.internal.urc;

import java.util.function.Consumer;

/**
 * Keeps a multi-line {@code +CUSD} reply whole. A menu reply's quoted text holds line breaks
 * ({@code +CUSD: 1,"1. Balance<CR><LF>2. Bundles",15}), so the framer delivers it as several lines; the first has an
 * opening quote and no closing one. The lines that follow are joined (with {@code \n}) until one closes the quote.
 * Bounded: after {@value #MAX_LINES} lines or {@value #MAX_CHARS} characters, or when a line the URC parser knows
 * (a final result, {@code RING}...) arrives instead, the reply is delivered with the text received so far.
 *
 * <p>Not thread-safe; confined to the executor's engine thread.
 */
final class UssdContinuation {
    /** A USSD string is at most 182 characters (GSM-7) or 640 hex digits (UCS-2): far below either bound. */
    static final int MAX_LINES = 16;
    static final int MAX_CHARS = 2048;

    private StringBuilder joined;
    private int lines;

    /** True for a {@code +CUSD} line whose quoted text is still open. */
    static boolean opens(String line) {
        String s = line.strip();
        if (!s.regionMatches(true, 0, "+CUSD:", 0, 6)) {
            return false;
        }
        return s.chars().filter(c -> c == '"').count() % 2 == 1;
    }

    void start(String line) {
        joined = new StringBuilder(line.strip());
        lines = 1;
    }

    boolean active() {
        return joined != null;
    }

    /**
     * Offers the next line: true when it was part of the reply (the completed reply, if any, goes to
     * {@code sink}); false when it is not, in which case the partial reply has gone to {@code sink} and the line
     * must be handled on its own.
     */
    boolean offer(String line, Consumer<Urc> sink) {
        if (UrcParser.isKnown(line)) {
            finish(sink);
            return false;
        }
        joined.append('\n').append(line);
        lines++;
        if (line.indexOf('"') >= 0 || lines >= MAX_LINES || joined.length() >= MAX_CHARS) {
            finish(sink);
        }
        return true;
    }

    void reset() {
        joined = null;
        lines = 0;
    }

    private void finish(Consumer<Urc> sink) {
        String text = joined.length() > MAX_CHARS ? joined.substring(0, MAX_CHARS) : joined.toString();
        reset();
        sink.accept(UrcParser.parse(text));
    }
}
