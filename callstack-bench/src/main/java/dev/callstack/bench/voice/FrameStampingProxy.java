package dev.callstack.bench.voice;

import dev.callstack.core.voice.AudioFormat8k;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.Objects;

/**
 * A loopback TCP hop between the modem's audio link and the simulator's audio port: the modem connects here (its
 * {@code audioPort} is {@code tcp://127.0.0.1:<port()>}), the proxy connects on to the simulator and pumps both ways.
 * Each 640-byte frame the modem writes is stamped with {@link System#nanoTime()} the moment its last byte is read,
 * and its sequence number (see {@link NumberedClip}) is decoded, so a run can measure what the far end of a real
 * socket sees. One modem connection at a time.
 *
 * <p>Thread-safe: one acceptor thread and two pump threads per connection write the stamps; {@link #snapshot()}
 * and {@link #reset()} come from the measuring thread under this object's monitor.
 */
final class FrameStampingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final InetSocketAddress simulator;
    private final Thread acceptor;
    // Guarded by this.
    private long[] arrivals = new long[1024];
    private int[] sequence = new int[1024];
    private int count;
    private int connections;

    /**
     * Listens on an ephemeral loopback port.
     *
     * @param simulator the simulator's audio port ({@code SimAudioPort.listenTcp()})
     * @throws IOException if the port cannot be bound
     */
    FrameStampingProxy(InetSocketAddress simulator) throws IOException {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        this.server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "bench-audio-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The port the modem's audio link connects to. */
    int port() {
        return server.getLocalPort();
    }

    /** Modem connections accepted so far. */
    synchronized int connections() {
        return connections;
    }

    /** Forgets the stamps so far (call before a playback). */
    synchronized void reset() {
        count = 0;
    }

    /** Frames stamped since the last reset. */
    synchronized int frames() {
        return count;
    }

    /** The stamps since the last reset, in arrival order. */
    synchronized Stamps snapshot() {
        return new Stamps(Arrays.copyOf(arrivals, count), Arrays.copyOf(sequence, count));
    }

    /** Frame arrivals in order: a copy the measuring thread owns. Not thread-safe. */
    static final class Stamps {
        private final long[] nanos;
        private final int[] sequence;

        Stamps(long[] nanos, int[] sequence) {
            this.nanos = nanos;
            this.sequence = sequence;
        }

        /** Arrival instant of each frame ({@link System#nanoTime()}). */
        long[] nanos() {
            return nanos;
        }

        /** The frame number decoded from each frame, or -1 when it carried none. */
        int[] sequence() {
            return sequence;
        }
    }

    private synchronized void stamp(long at, byte[] frame) {
        if (count == arrivals.length) {
            arrivals = Arrays.copyOf(arrivals, count * 2);
            sequence = Arrays.copyOf(sequence, count * 2);
        }
        arrivals[count] = at;
        sequence[count] = NumberedClip.frameNumber(frame);
        count++;
    }

    private synchronized void connected() {
        connections++;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket modem;
            try {
                modem = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            try {
                modem.setTcpNoDelay(true);
                Socket sim = new Socket(simulator.getAddress(), simulator.getPort());
                sim.setTcpNoDelay(true);
                connected();
                pump("bench-audio-to-modem", sim, modem, false);
                pump("bench-audio-to-sim", modem, sim, true);
            } catch (IOException e) {
                closeQuietly(modem);
            }
        }
    }

    private void pump(String name, Socket from, Socket to, boolean stampFrames) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[4096];
            byte[] frame = new byte[AudioFormat8k.FRAME_BYTES];
            int filled = 0;
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    long at = System.nanoTime();
                    if (stampFrames) {
                        for (int i = 0; i < n; ) {
                            int take = Math.min(n - i, frame.length - filled);
                            System.arraycopy(buffer, i, frame, filled, take);
                            filled += take;
                            i += take;
                            if (filled == frame.length) {
                                stamp(at, frame);
                                filled = 0;
                            }
                        }
                    }
                    out.write(buffer, 0, n);
                }
            } catch (IOException | UncheckedIOException e) {
                // One side closed: the call's audio is over.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Best effort.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
