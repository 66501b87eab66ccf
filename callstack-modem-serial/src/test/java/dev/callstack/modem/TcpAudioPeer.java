package dev.callstack.modem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The modem's audio port as a real loopback TCP server (the stand-in until the simulator has its own audio port):
 * keeps every byte the modem side writes ({@link #heard()}) and speaks PCM back in real time ({@link #say}). One
 * connection at a time, a new one per call. Thread-safe.
 */
final class TcpAudioPeer implements AutoCloseable {
    private final ServerSocket server;
    private final ByteArrayOutputStream heard = new ByteArrayOutputStream();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Socket current;
    private final Thread acceptor;

    TcpAudioPeer() throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "test-audio-peer");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String address() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    /** Whether the modem side closed the current connection. */
    boolean closedByModem() {
        Socket s = current;
        return s == null || s.isClosed();
    }

    byte[] heard() {
        synchronized (heard) {
            return heard.toByteArray();
        }
    }

    /** Writes samples at real time, 40 ms frames. */
    void say(short[] samples) throws IOException {
        Socket s = current;
        if (s == null) {
            throw new IOException("no audio connection");
        }
        ByteBuffer bytes = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asShortBuffer().put(samples);
        byte[] all = bytes.array();
        OutputStream out = s.getOutputStream();
        long start = System.nanoTime();
        for (int at = 0, k = 0; at < all.length; at += 640, k++) {
            long deadline = start + k * 40_000_000L;
            while (System.nanoTime() < deadline) {
                LockSupport.parkNanos(deadline - System.nanoTime()); // pacing, not synchronisation
            }
            out.write(all, at, Math.min(640, all.length - at));
            out.flush();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                current = s;
                connections.incrementAndGet();
                Thread reader = new Thread(() -> drain(s), "test-audio-peer-reader");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void drain(Socket s) {
        byte[] buffer = new byte[4096];
        try (s; InputStream in = s.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (heard) {
                    heard.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // The modem closed the port.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        Socket s = current;
        if (s != null) {
            s.close();
        }
    }
}
