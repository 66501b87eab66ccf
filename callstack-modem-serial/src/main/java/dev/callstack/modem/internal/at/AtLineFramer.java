package dev.callstack.modem.internal.at;

/**
 * Turns the modem's byte stream into lines. A line ends at CR or LF (so CRLF, CR CR LF, CR-only and LF-only all
 * work); blank lines are dropped. The SMS prompt ({@code "> "} or a bare {@code ">"}) has no line end, so it is
 * recognised when a chunk ends with it at the start of a line. Bytes outside printable ASCII become U+FFFD (8-bit)
 * or are dropped (C0 controls such as an echoed Ctrl-Z). A line longer than the limit is discarded up to its end and
 * reported, and framing carries on.
 *
 * <p>Pure (no I/O, no logging). Not thread-safe; confined to the executor's engine thread.
 */
public final class AtLineFramer {
    /** Receives what the framer found, in order. */
    public interface Sink {
        void onLine(String line);

        void onPrompt();

        /** A line longer than the limit was dropped; {@code length} is how many characters it had. */
        void onOverflow(int length);
    }

    public static final int DEFAULT_MAX_LINE = 4096;

    private final int maxLineLength;
    private final StringBuilder line = new StringBuilder(128);
    private boolean discarding;
    private int discarded;

    public AtLineFramer() {
        this(DEFAULT_MAX_LINE);
    }

    public AtLineFramer(int maxLineLength) {
        if (maxLineLength < 2) {
            throw new IllegalArgumentException("maxLineLength must be at least 2");
        }
        this.maxLineLength = maxLineLength;
    }

    public void feed(byte[] data, int offset, int length, Sink sink) {
        for (int i = offset; i < offset + length; i++) {
            int b = data[i] & 0xFF;
            if (b == '\r' || b == '\n') {
                endLine(sink);
            } else if (discarding) {
                discarded++;
            } else if (b == '\t' || (b >= 0x20 && b < 0x7F)) {
                append((char) b);
            } else if (b >= 0x80) {
                append('\uFFFD');
            }
            // other C0 controls (NUL, Ctrl-Z echo, ESC) carry nothing for us
        }
        if (!discarding && isPrompt()) {
            line.setLength(0);
            sink.onPrompt();
        }
    }

    /** Characters held for a line that has not ended yet. */
    public int pending() {
        return line.length();
    }

    private void append(char c) {
        if (line.length() >= maxLineLength) {
            discarding = true;
            discarded = line.length() + 1;
            line.setLength(0);
        } else {
            line.append(c);
        }
    }

    private void endLine(Sink sink) {
        if (discarding) {
            discarding = false;
            sink.onOverflow(discarded);
            discarded = 0;
            return;
        }
        if (line.length() == 0) {
            return;
        }
        String text = line.toString();
        line.setLength(0);
        if (!text.isBlank()) {
            sink.onLine(text);
        }
    }

    private boolean isPrompt() {
        int n = line.length();
        return (n == 1 && line.charAt(0) == '>') || (n == 2 && line.charAt(0) == '>' && line.charAt(1) == ' ');
    }
}
