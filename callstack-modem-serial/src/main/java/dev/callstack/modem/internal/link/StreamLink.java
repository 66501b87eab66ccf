package dev.callstack.modem.internal.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;

/**
 * A link over a pair of streams (an in-memory pipe, a simulator). The input's {@code read} may block; the
 * {@code closer} must make it return or fail, or the reader thread outlives the link.
 *
 * <p>Thread-safe.
 */
public final class StreamLink extends ReaderThreadLink {
    private final InputStream input;
    private final OutputStream output;
    private final AutoCloseable closer;
    private final String description;

    public StreamLink(InputStream input, OutputStream output, AutoCloseable closer, String description) {
        this(input, output, closer, description, DEFAULT_WRITE_STALL_LIMIT);
    }

    StreamLink(InputStream input, OutputStream output, AutoCloseable closer, String description,
               Duration writeStallLimit) {
        super(writeStallLimit);
        this.input = Objects.requireNonNull(input, "input");
        this.output = Objects.requireNonNull(output, "output");
        this.closer = Objects.requireNonNull(closer, "closer");
        this.description = Objects.requireNonNull(description, "description");
    }

    @Override
    protected int read(byte[] buffer) throws IOException {
        try {
            return input.read(buffer);
        } catch (InterruptedIOException e) {
            return 0;
        }
    }

    @Override
    protected void writeBytes(byte[] bytes) throws IOException {
        synchronized (output) {
            output.write(bytes);
            output.flush();
        }
    }

    @Override
    protected void release() {
        try {
            closer.close();
        } catch (Exception ignored) {
            // Best effort: the link is gone either way.
        }
    }

    @Override
    public String description() {
        return description;
    }
}
