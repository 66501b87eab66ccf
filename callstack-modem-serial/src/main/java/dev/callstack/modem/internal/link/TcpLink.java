package dev.callstack.modem.internal.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;

/**
 * Raw AT over TCP ({@code tcp://host:port}, as ser2net or a network serial server provide). The socket read timeout
 * keeps the reader responsive to close.
 *
 * <p>Thread-safe.
 */
public final class TcpLink extends ReaderThreadLink {
    private static final int READ_TIMEOUT_MS = 200;

    private final Socket socket;
    private final InputStream input;
    private final OutputStream output;
    private final String description;

    private TcpLink(Socket socket, String description) throws IOException {
        this.socket = socket;
        this.input = socket.getInputStream();
        this.output = socket.getOutputStream();
        this.description = description;
    }

    public static TcpLink connect(String host, int port, Duration connectTimeout) throws IOException {
        Objects.requireNonNull(host, "host");
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(host, port), (int) Math.min(Integer.MAX_VALUE,
                    connectTimeout.toMillis()));
            socket.setSoTimeout(READ_TIMEOUT_MS);
            return new TcpLink(socket, "tcp://" + host + ":" + port);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    protected int read(byte[] buffer) throws IOException {
        try {
            return input.read(buffer);
        } catch (SocketTimeoutException e) {
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
            socket.close();
        } catch (IOException ignored) {
            // Closing is best effort.
        }
    }

    @Override
    public String description() {
        return description;
    }
}
