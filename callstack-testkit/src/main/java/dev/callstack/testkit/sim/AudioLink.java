package dev.callstack.testkit.sim;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * One host connection to the simulator's audio port (a pipe or a TCP socket): a daemon reader thread hands every
 * byte the host writes to {@code onHostBytes}, and {@link #send} writes one PCM frame to the host without ever waiting
 * for a slow host longer than the transport's own buffer (a pipe drops the frame when full, as a modem's USB buffer
 * overruns; a socket's kernel buffer absorbs seconds of audio).
 *
 * <p>Thread-safe.
 */
final class AudioLink {
    /** Writes one frame to the host; false when it was dropped. */
    @FunctionalInterface
    interface FrameSink {
        boolean send(byte[] frame) throws IOException;
    }

    /** Receives what the host wrote; called on the reader thread. */
    @FunctionalInterface
    interface HostBytes {
        void received(byte[] buffer, int length);
    }

    private final InputStream fromHost;
    private final FrameSink toHost;
    private final Closeable resource;
    private final HostBytes onHostBytes;
    private final Thread reader;
    private volatile boolean closed;

    AudioLink(String name, InputStream fromHost, FrameSink toHost, Closeable resource, HostBytes onHostBytes) {
        this.fromHost = Objects.requireNonNull(fromHost, "fromHost");
        this.toHost = Objects.requireNonNull(toHost, "toHost");
        this.resource = Objects.requireNonNull(resource, "resource");
        this.onHostBytes = Objects.requireNonNull(onHostBytes, "onHostBytes");
        this.reader = new Thread(this::readLoop, Objects.requireNonNull(name, "name"));
        this.reader.setDaemon(true);
    }

    void start() {
        reader.start();
    }

    private void readLoop() {
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = fromHost.read(buffer)) >= 0) {
                if (n > 0) {
                    onHostBytes.received(buffer, n);
                }
            }
        } catch (IOException e) {
            // The host went away or the link was closed: the link is over either way.
        }
        closed = true;
    }

    /** Whether the host is still connected. */
    boolean open() {
        return !closed && reader.isAlive();
    }

    /** Sends one frame; false when it was dropped or the link is gone. */
    boolean send(byte[] frame) {
        if (closed) {
            return false;
        }
        try {
            return toHost.send(frame);
        } catch (IOException e) {
            close();
            return false;
        }
    }

    /** Closes the transport, which ends the reader; waits for it unless called from it. */
    void close() {
        closed = true;
        try {
            resource.close();
        } catch (IOException ignored) {
            // Closing is best effort; the reader ends on the closed stream either way.
        }
        if (Thread.currentThread() != reader && reader.isAlive()) {
            try {
                reader.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
