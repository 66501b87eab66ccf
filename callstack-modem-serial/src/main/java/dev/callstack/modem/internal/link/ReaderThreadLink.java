package dev.callstack.modem.internal.link;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reader-thread half every link shares: one named daemon platform thread per link that reads until the link
 * ends or is closed. Subclasses provide the blocking read (with a short timeout, so close is prompt), the write and
 * the release of the handle.
 *
 * <p>Thread-safe.
 */
public abstract class ReaderThreadLink implements Link {
    /** Every reader thread's name starts with this (tests count live threads by it). */
    public static final String THREAD_PREFIX = "callstack-link-reader-";
    private static final AtomicLong IDS = new AtomicLong();
    private static final int BUFFER = 2048;

    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Thread reader;

    /** Reads into {@code buffer}: bytes read, 0 when nothing arrived within the read timeout, -1 at end of stream. */
    protected abstract int read(byte[] buffer) throws IOException;

    protected abstract void writeBytes(byte[] bytes) throws IOException;

    /** Releases the handle; must make a blocked {@link #read} return or fail promptly. */
    protected abstract void release();

    @Override
    public final void start(LinkListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("link already started");
        }
        Thread thread = new Thread(() -> readLoop(listener), THREAD_PREFIX + IDS.incrementAndGet());
        thread.setDaemon(true);
        reader = thread;
        thread.start();
    }

    @Override
    public final void write(byte[] bytes) throws IOException {
        if (closed.get()) {
            throw new IOException("link closed");
        }
        writeBytes(bytes);
    }

    @Override
    public final void close() {
        if (closed.compareAndSet(false, true)) {
            release();
            Thread thread = reader;
            if (thread != null && thread != Thread.currentThread()) {
                thread.interrupt();
            }
        }
    }

    public final boolean isClosed() {
        return closed.get();
    }

    private void readLoop(LinkListener listener) {
        byte[] buffer = new byte[BUFFER];
        String reason = "end of stream";
        try {
            while (!closed.get()) {
                int n = read(buffer);
                if (n < 0) {
                    break;
                }
                if (n > 0) {
                    listener.onBytes(buffer, n);
                }
            }
        } catch (IOException | RuntimeException e) {
            reason = "read failed: " + e.getClass().getSimpleName();
        } finally {
            if (closed.compareAndSet(false, true)) {
                release();
                listener.onClosed(reason);
            }
        }
    }
}
