package dev.callstack.modem.internal.link;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reader-thread half every link shares: one named daemon platform thread per link that reads until the link
 * ends or is closed. Subclasses provide the blocking read (with a short timeout, so close is prompt), the write and
 * the release of the handle. The reader also bounds writes: a write still blocked after the stall limit (a peer that
 * stopped reading) ends the link as {@value #WRITE_STALLED}, which releases the handle and fails the write. It checks
 * after every read, so the bound holds for links whose read returns periodically (TCP, serial).
 *
 * <p>Thread-safe.
 */
public abstract class ReaderThreadLink implements Link {
    /** Every reader thread's name starts with this (tests count live threads by it). */
    public static final String THREAD_PREFIX = "callstack-link-reader-";
    private static final AtomicLong IDS = new AtomicLong();
    private static final int BUFFER = 2048;
    /** The reason reported when a write stays blocked past the stall limit. */
    public static final String WRITE_STALLED = "write stalled";
    static final Duration DEFAULT_WRITE_STALL_LIMIT = Duration.ofSeconds(10);

    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Thread reader;
    private final long writeStallLimitNanos;
    private final AtomicLong writesInProgress = new AtomicLong();
    private volatile long writeStartedNanos;

    protected ReaderThreadLink() {
        this(DEFAULT_WRITE_STALL_LIMIT);
    }

    protected ReaderThreadLink(Duration writeStallLimit) {
        Objects.requireNonNull(writeStallLimit, "writeStallLimit");
        if (writeStallLimit.isNegative() || writeStallLimit.isZero()) {
            throw new IllegalArgumentException("writeStallLimit must be positive");
        }
        this.writeStallLimitNanos = writeStallLimit.toNanos();
    }

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
        writeStartedNanos = System.nanoTime();
        writesInProgress.incrementAndGet();
        try {
            writeBytes(bytes);
        } finally {
            writesInProgress.decrementAndGet();
        }
    }

    private boolean writeStalled() {
        return writesInProgress.get() > 0 && System.nanoTime() - writeStartedNanos > writeStallLimitNanos;
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
                if (writeStalled()) {
                    reason = WRITE_STALLED;
                    break;
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
