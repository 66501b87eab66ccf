package dev.callstack.testkit.sim;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/** The host side of an audio link in tests: a reader thread collecting the PCM the simulator sends. */
final class AudioHost implements AutoCloseable {
    private final InputStream in;
    private final OutputStream out;
    private final AutoCloseable closer;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final List<Integer> readSizes = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean eof;

    AudioHost(InputStream in, OutputStream out, AutoCloseable closer) {
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
        this.closer = Objects.requireNonNull(closer, "closer");
        this.reader = new Thread(this::readLoop, "test-audio-reader");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    static AudioHost of(SimulatorPipe pipe) {
        return new AudioHost(pipe.hostInput(), pipe.hostOutput(), pipe);
    }

    private void readLoop() {
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                readSizes.add(n);
                synchronized (received) {
                    received.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // The link went away.
        }
        eof = true;
    }

    void write(byte[] pcm) {
        try {
            out.write(pcm);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] received() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    int receivedCount() {
        synchronized (received) {
            return received.size();
        }
    }

    List<Integer> readSizes() {
        return List.copyOf(readSizes);
    }

    boolean isEof() {
        return eof;
    }

    void awaitEof() {
        await().atMost(HostEnd.TIMEOUT).until(this::isEof);
    }

    @Override
    public void close() throws IOException {
        try {
            closer.close();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
        try {
            reader.join(HostEnd.TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
