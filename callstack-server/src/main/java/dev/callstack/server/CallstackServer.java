package dev.callstack.server;

import dev.callstack.core.Modem;
import dev.callstack.server.internal.NettyHttpServer;
import dev.callstack.server.internal.ServerSettings;
import dev.callstack.server.internal.VoiceSettings;
import java.util.Objects;

/**
 * The Callstack HTTP API and {@code /ws} realtime feed for one {@link Modem}.
 *
 * <pre>{@code
 * try (CallstackServer server = CallstackServer.builder(modem).port(0).apiKey(key, Privilege.SEND).build()) {
 *     int port = server.start();
 *     ...
 * }
 * }</pre>
 *
 * <p>Thread-safe: {@link #start()} once; {@link #close()} from any thread (idempotent) stops accepting, closes
 * WebSockets with 1001, waits for in-flight requests, and closes the modem when
 * {@link CallstackServerBuilder#closeModemOnClose} asked for it.
 */
public final class CallstackServer implements AutoCloseable {
    private final NettyHttpServer server;
    private final Modem modem;
    private final boolean closeModem;
    private volatile int port = -1;

    CallstackServer(ServerSettings settings, VoiceSettings voice, Modem modem, boolean closeModem) {
        this.server = new NettyHttpServer(settings, modem, voice);
        this.modem = modem;
        this.closeModem = closeModem;
    }

    /**
     * A builder for a server in front of {@code modem}, with the defaults each setter documents.
     *
     * @param modem the modem to serve; not null; closed with the server only if
     *              {@link CallstackServerBuilder#closeModemOnClose(boolean)} says so
     * @return a new builder
     */
    public static CallstackServerBuilder builder(Modem modem) {
        return new CallstackServerBuilder(modem);
    }

    /**
     * Binds and starts serving; returns the bound port (useful with port 0).
     *
     * @return the bound TCP port
     * @throws IllegalStateException    without any API key unless {@code noAuth} was set, with {@code noAuth} on a
     *                                  non-loopback address or together with keys, or when already started
     * @throws IllegalArgumentException when a TLS file is unreadable or not a usable PEM certificate or key, or the
     *                                  voice plan is refused (the message names the file, the path and the reason)
     * @throws InterruptedException     if interrupted while binding
     */
    public int start() throws InterruptedException {
        port = server.start();
        return port;
    }

    /**
     * The bound port.
     *
     * @return the port {@link #start()} bound, or -1 before it
     */
    public int port() {
        return port;
    }

    /**
     * WebSocket clients connected now.
     *
     * @return the number of registered {@code /ws} clients
     */
    public int realtimeClients() {
        return server.realtimeClients();
    }

    /**
     * The transport the server's sockets use.
     *
     * @return {@code epoll} or {@code nio}; null before {@link #start()}
     */
    public String transport() {
        return server.transport();
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            if (closeModem) {
                modem.close();
            }
        }
    }

}
