package dev.callstack.testkit.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on 127.0.0.1 (an ephemeral port first, the same port after every restart) and hands each accepted
 * connection to {@code onAccept} on a named daemon accept thread.
 *
 * <p>Thread-safe.
 */
final class TcpListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TcpListener.class);

    private final Consumer<Socket> onAccept;
    private ServerSocket server;
    private Thread acceptor;
    private int port;

    TcpListener(Consumer<Socket> onAccept) {
        this.onAccept = Objects.requireNonNull(onAccept, "onAccept");
    }

    /** Starts listening (again) and returns the address; a no-op when already listening. */
    synchronized InetSocketAddress start() {
        if (server == null) {
            try {
                ServerSocket socket = new ServerSocket();
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4);
                port = socket.getLocalPort();
                server = socket;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
            }
            ServerSocket listening = server;
            acceptor = new Thread(() -> acceptLoop(listening), "callstack-sim-accept-" + port);
            acceptor.setDaemon(true);
            acceptor.start();
        }
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    private void acceptLoop(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket socket = listening.accept();
                socket.setTcpNoDelay(true);
                onAccept.accept(socket);
            } catch (IOException e) {
                if (!listening.isClosed()) {
                    log.debug("Simulator accept failed: {}", e.getClass().getSimpleName());
                }
            }
        }
    }

    /** Stops listening; the port is kept for {@link #start()}. */
    synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            log.debug("Simulator listener close failed: {}", e.getClass().getSimpleName());
        }
        server = null;
        Thread thread = acceptor;
        acceptor = null;
        if (thread != Thread.currentThread()) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
