package dev.callstack.testkit.sim;

import java.util.Objects;

/**
 * Turns the bytes a host sends to the modem into command lines (terminated by CR; LF is ignored) and, after an
 * {@code AT+CMGS} prompt, into one SMS payload terminated by Ctrl-Z (0x1A, submit) or ESC (0x1B, cancel).
 * Lines and payloads longer than {@link #MAX_LENGTH} are cut there, so garbage cannot exhaust memory.
 *
 * <p>Not thread-safe; confined to the link's reader thread.
 */
final class ModemLineReader {
    static final int MAX_LENGTH = 4096;
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte CTRL_Z = 0x1A;
    private static final byte ESC = 0x1B;

    /** Receives complete units; called on the feeding thread. */
    interface Listener {
        void command(String line);

        void payload(String payload, int declaredLength);

        void payloadCancelled();
    }

    private final Listener listener;
    private final StringBuilder current = new StringBuilder();
    private int payloadLength = -1;

    ModemLineReader(Listener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** The next bytes up to the terminator are an SMS payload of {@code declaredLength} TPDU octets. */
    void expectPayload(int declaredLength) {
        payloadLength = Math.max(declaredLength, 0);
        current.setLength(0);
    }

    void feed(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (payloadLength >= 0) {
                feedPayload(b);
            } else {
                feedCommand(b);
            }
        }
    }

    private void feedCommand(byte b) {
        if (b == CR) {
            String line = current.toString().strip();
            current.setLength(0);
            if (!line.isEmpty()) {
                listener.command(line);
            }
        } else if (b == ESC) {
            // Outside the prompt ESC cancels the line typed so far, as the host's resync expects.
            current.setLength(0);
        } else if (b != LF) {
            append(b);
        }
    }

    private void feedPayload(byte b) {
        if (b == CTRL_Z || b == ESC) {
            String payload = current.toString().strip();
            int declared = payloadLength;
            current.setLength(0);
            payloadLength = -1;
            if (b == CTRL_Z) {
                listener.payload(payload, declared);
            } else {
                listener.payloadCancelled();
            }
        } else if (b != CR && b != LF) {
            append(b);
        }
    }

    private void append(byte b) {
        if (current.length() < MAX_LENGTH) {
            current.append((char) (b & 0xFF));
        }
    }
}
