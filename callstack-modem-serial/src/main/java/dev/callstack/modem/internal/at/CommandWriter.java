package dev.callstack.modem.internal.at;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what the executor sends on a session's link: command lines, resync probes, ESC, and a prompt's payload
 * with its Ctrl-Z, each traced at debug level without its private parts ({@link AtLogRedactor}; a payload only by
 * length). A failed write tells the {@link AtCommandExecutor.Listener} that the link is lost; when a flood closed
 * the link under the write, the flood is the reason given.
 *
 * <p>Not thread-safe; confined to the engine thread.
 */
final class CommandWriter {
    // The AT trace (AT> here, AT< in the executor) stays under one logger name: one setting shows the conversation.
    private static final Logger log = LoggerFactory.getLogger(AtCommandExecutor.class);
    private static final byte CTRL_Z = 0x1A;

    private final AtCommandExecutor.Listener listener;

    CommandWriter(AtCommandExecutor.Listener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** A caller's command line and its CR. */
    void command(LinkSession session, AtCommand command) {
        if (log.isDebugEnabled()) {
            log.debug("AT> {}", AtLogRedactor.command(command.text()));
        }
        line(session, command.text());
    }

    /** A resync probe and its CR; probes are fixed queries, traced as they are. */
    void probe(LinkSession session, AtCommand probe) {
        log.debug("AT> {} (resync)", probe.text());
        line(session, probe.text());
    }

    /** ESC: cancels a pending {@code "> "} prompt and the line typed so far. */
    void escape(LinkSession session) {
        write(session, Resync.ESC);
    }

    /** The command's prompt payload (a PDU or message text: traced by length only) and Ctrl-Z. */
    void payload(LinkSession session, AtCommand command) {
        String payload = command.promptPayload();
        if (log.isDebugEnabled()) {
            log.debug("AT> [payload {} chars + Ctrl-Z]", payload.length());
        }
        byte[] ascii = payload.getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = Arrays.copyOf(ascii, ascii.length + 1);
        bytes[ascii.length] = CTRL_Z;
        write(session, bytes);
    }

    private void line(LinkSession session, String text) {
        write(session, (text + "\r").getBytes(StandardCharsets.US_ASCII));
    }

    private void write(LinkSession session, byte[] bytes) {
        if (session == null) {
            return;
        }
        try {
            session.link.write(bytes);
        } catch (IOException | RuntimeException e) {
            log.warn("Write to modem link failed: {}", e.getClass().getSimpleName());
            // A flood closes the link under a write in progress: the flood is the cause worth reporting.
            listener.onLinkLost(session.id, session.flooded() ? AtCommandExecutor.FLOODING
                    : "write failed: " + e.getClass().getSimpleName());
        }
    }
}
