package dev.callstack.testkit.sim;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live modem link (a pipe, an accepted TCP connection or the modem end of a pty): a named daemon reader thread
 * feeding a {@link ModemLineReader}, and a {@link FrameWriter} for everything the modem says on this link.
 *
 * <p>Thread-safe.
 */
final class LinkSession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LinkSession.class);
    private static final long JOIN_MILLIS = 2_000;

    /** What the simulator does with input from a link; called on the link's reader thread. */
    interface Handler {
        void command(LinkSession session, String line);

        void payload(LinkSession session, String payload, int declaredLength);

        void payloadCancelled(LinkSession session);
    }

    private final String name;
    private final InputStream in;
    private final Closeable resource;
    private final Consumer<LinkSession> onClosed;
    private final FrameWriter writer;
    private final ModemLineReader reader;
    private final Thread thread;
    private final AtomicBoolean closed = new AtomicBoolean();

    LinkSession(String name, InputStream in, OutputStream out, Closeable resource, Handler handler,
                IntSupplier maxChunk, Consumer<LinkSession> onClosed) {
        this.name = Objects.requireNonNull(name, "name");
        this.in = Objects.requireNonNull(in, "in");
        this.resource = Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(handler, "handler");
        this.onClosed = Objects.requireNonNull(onClosed, "onClosed");
        this.writer = new FrameWriter(out, maxChunk, this::close);
        this.reader = new ModemLineReader(new ModemLineReader.Listener() {
            @Override
            public void command(String line) {
                handler.command(LinkSession.this, line);
            }

            @Override
            public void payload(String payload, int declaredLength) {
                handler.payload(LinkSession.this, payload, declaredLength);
            }

            @Override
            public void payloadCancelled() {
                handler.payloadCancelled(LinkSession.this);
            }
        });
        this.thread = new Thread(this::readLoop, name);
        this.thread.setDaemon(true);
    }

    LinkSession start() {
        thread.start();
        log.debug("Simulator link {} opened", name);
        return this;
    }

    String name() {
        return name;
    }

    FrameWriter writer() {
        return writer;
    }

    boolean isOpen() {
        return !closed.get();
    }

    /** Only from the reader thread, while handling the command that prompts for it. */
    void expectPayload(int declaredLength) {
        reader.expectPayload(declaredLength);
    }

    private void readLoop() {
        byte[] buffer = new byte[1024];
        try {
            while (!closed.get()) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                reader.feed(buffer, 0, n);
            }
        } catch (IOException e) {
            if (!closed.get()) {
                log.debug("Simulator link {} read failed: {}", name, e.getClass().getSimpleName());
            }
        } catch (RuntimeException e) {
            log.warn("Simulator link {} handler failed", name, e);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            resource.close();
        } catch (IOException e) {
            log.debug("Simulator link {} close failed: {}", name, e.getClass().getSimpleName());
        }
        log.debug("Simulator link {} closed", name);
        onClosed.accept(this);
    }

    /** Waits (bounded) for the reader thread to end; a no-op on the reader thread itself. */
    void awaitTermination() {
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
