package dev.callstack.modem.internal.link;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;

/**
 * Raw AT over TCP ({@code tcp://host:port}, as ser2net or a network serial server provide): a socket whose streams
 * drive a {@link StreamLink}. The socket read timeout surfaces as a {@code SocketTimeoutException}, an
 * {@code InterruptedIOException} that the stream link treats as "no data yet", which keeps the reader responsive
 * to close, and lets it end a write that a peer no longer reading keeps blocked (the stall limit).
 *
 * <p>Stateless.
 */
public final class TcpConnector {
    private static final int READ_TIMEOUT_MS = 200;

    private TcpConnector() {
    }

    public static StreamLink connect(String host, int port, Duration connectTimeout) throws IOException {
        return connect(host, port, connectTimeout, ReaderThreadLink.DEFAULT_WRITE_STALL_LIMIT);
    }

    static StreamLink connect(String host, int port, Duration connectTimeout, Duration writeStallLimit)
            throws IOException {
        Objects.requireNonNull(host, "host");
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(host, port), (int) Math.min(Integer.MAX_VALUE,
                    connectTimeout.toMillis()));
            socket.setSoTimeout(READ_TIMEOUT_MS);
            return new StreamLink(socket.getInputStream(), socket.getOutputStream(), socket,
                    "tcp://" + host + ":" + port, writeStallLimit);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }
}
