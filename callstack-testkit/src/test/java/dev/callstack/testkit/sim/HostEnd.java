package dev.callstack.testkit.sim;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/** The host side of a link in tests: a reader thread collecting bytes, and helpers to send and await text. */
final class HostEnd implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final InputStream in;
    private final OutputStream out;
    private final AutoCloseable closer;
    private final StringBuilder received = new StringBuilder();
    private final List<Integer> readSizes = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean eof;

    HostEnd(InputStream in, OutputStream out, AutoCloseable closer) {
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
        this.closer = Objects.requireNonNull(closer, "closer");
        this.reader = new Thread(this::readLoop, "test-host-reader");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    static HostEnd of(SimulatorPipe pipe) {
        return new HostEnd(pipe.hostInput(), pipe.hostOutput(), pipe);
    }

    private void readLoop() {
        byte[] buffer = new byte[512];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                readSizes.add(n);
                synchronized (received) {
                    received.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    received.notifyAll();
                }
            }
        } catch (IOException e) {
            // A hung-up tty reports EIO instead of EOF; both end the link.
        }
        synchronized (received) {
            eof = true;
            received.notifyAll();
        }
    }

    void send(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code marker} has arrived; returns and consumes everything up to and including it. */
    String awaitReceived(String marker) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        synchronized (received) {
            int at;
            while ((at = received.indexOf(marker)) < 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no " + printable(marker) + " within " + TIMEOUT + "; received "
                            + printable(received.toString()) + (eof ? " then EOF" : ""));
                }
                try {
                    received.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
            int end = at + marker.length();
            String text = received.substring(0, end);
            received.delete(0, end);
            return text;
        }
    }

    private static String printable(String text) {
        return "\"" + text.replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }

    /** Sends {@code command + "\r"} and returns the reply up to and including the final {@code OK/ERROR} line. */
    String exchange(String command, String finalLine) {
        send(command + "\r");
        return awaitReceived(finalLine + "\r\n");
    }

    String received() {
        synchronized (received) {
            return received.toString();
        }
    }

    /** The size of every read so far. */
    List<Integer> readSizes() {
        return List.copyOf(readSizes);
    }

    boolean isEof() {
        return eof;
    }

    void awaitEof() {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(10)).until(this::isEof);
    }

    @Override
    public void close() throws IOException {
        try {
            closer.close();
            reader.join(TIMEOUT.toMillis());
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
