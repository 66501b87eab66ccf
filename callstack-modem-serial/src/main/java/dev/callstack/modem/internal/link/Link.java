package dev.callstack.modem.internal.link;

import java.io.IOException;

/**
 * A byte connection to a modem with one dedicated reader thread. Implementations are thread-safe: {@link #write}
 * may be called from any one thread at a time, {@link #close} from any thread, at any time, more than once.
 */
public interface Link extends AutoCloseable {

    /** Starts the reader thread; called once. Bytes and the end of the link are reported on that thread. */
    void start(LinkListener listener);

    void write(byte[] bytes) throws IOException;

    /**
     * Stops the reader promptly and releases the handle, which also makes a {@link #write} blocked on a stalled peer
     * fail; the listener gets no {@code onClosed} for this.
     */
    @Override
    void close();

    /** For logs: the port path or address, never anything secret. */
    String description();
}
