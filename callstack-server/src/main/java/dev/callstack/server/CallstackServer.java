package dev.callstack.server;

import dev.callstack.core.Modem;
import dev.callstack.server.internal.KeyEntry;
import dev.callstack.server.internal.KeyFileParser;
import dev.callstack.server.internal.NettyHttpServer;
import dev.callstack.server.internal.ServerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

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
 * WebSockets with 1001, waits for in-flight requests, and closes the modem when {@link Builder#closeModemOnClose}
 * asked for it.
 */
public final class CallstackServer implements AutoCloseable {
    private final NettyHttpServer server;
    private final Modem modem;
    private final boolean closeModem;
    private volatile int port = -1;

    private CallstackServer(ServerSettings settings, Modem modem, boolean closeModem) {
        this.server = new NettyHttpServer(settings, modem);
        this.modem = modem;
        this.closeModem = closeModem;
    }

    public static Builder builder(Modem modem) {
        return new Builder(modem);
    }

    /**
     * Binds and starts serving; returns the bound port (useful with port 0).
     *
     * @throws IllegalStateException without any API key unless {@code noAuth} was set, with {@code noAuth} on a
     *                               non-loopback address or together with keys, or when already started
     */
    public int start() throws InterruptedException {
        port = server.start();
        return port;
    }

    /** The bound port, or -1 before {@link #start()}. */
    public int port() {
        return port;
    }

    /** WebSocket clients connected now. */
    public int realtimeClients() {
        return server.realtimeClients();
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

    /** Server options; every setter documents its default. Not thread-safe. */
    public static final class Builder {
        private final Modem modem;
        private String host = "127.0.0.1";
        private int port = 8080;
        private final List<KeyEntry> keys = new ArrayList<>();
        private int rateLimit = 60;
        private Duration rateWindow = Duration.ofSeconds(60);
        private int authFailureLimit = 10;
        private Duration authFailureWindow = Duration.ofSeconds(60);
        private int maxBodyBytes = 64 * 1024;
        private int wsQueueCapacity = 256;
        private int wsMaxFrameBytes = 64 * 1024;
        private Duration idleTimeout = Duration.ofSeconds(30);
        private boolean permessageDeflate;
        private int ioThreads;
        private Duration shutdownGrace = Duration.ofSeconds(10);
        private int writeBufferLow = 32 * 1024;
        private int writeBufferHigh = 64 * 1024;
        private BooleanSupplier storeReady = () -> true;
        private boolean closeModemOnClose;
        private boolean simulated;
        private boolean noAuth;
        private Path quotaDatabase;

        private Builder(Modem modem) {
            this.modem = Objects.requireNonNull(modem, "modem");
        }

        /** Address to listen on; default {@code 127.0.0.1}. Non-loopback addresses require at least one key. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** TCP port; default 8080; 0 picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Adds a key of at least 16 characters; a key without privileges is read-only. Without any key,
         * {@link #noAuth(boolean)} must be set or {@link CallstackServer#start()} refuses to start.
         */
        public Builder apiKey(String secret, Privilege... privileges) {
            EnumSet<Privilege> set = EnumSet.noneOf(Privilege.class);
            for (Privilege privilege : privileges) {
                set.add(Objects.requireNonNull(privilege, "privilege"));
            }
            return apiKey(secret, set, 0, List.of());
        }

        /**
         * Adds a key with limits: {@code smsPerDay} SMS parts per rolling 24 hours (0 for no limit), and the E.164
         * prefixes ({@code +4915}) its SMS recipients must start with (empty for any recipient).
         */
        public Builder apiKey(String secret, Set<Privilege> privileges, int smsPerDay, List<String> recipientPrefixes) {
            Objects.requireNonNull(secret, "secret");
            if (secret.length() < KeyEntry.MIN_LENGTH) {
                throw new IllegalArgumentException("API keys must be at least " + KeyEntry.MIN_LENGTH + " characters");
            }
            keys.add(new KeyEntry(secret, privileges, smsPerDay, recipientPrefixes));
            return this;
        }

        /**
         * Runs without authentication: every caller may send SMS, USSD and calls, with the redacted view. Loopback
         * addresses only, and only without keys; default false. Without keys and without this, {@link #start()}
         * refuses to start.
         */
        public Builder noAuth(boolean noAuth) {
            this.noAuth = noAuth;
            return this;
        }

        /**
         * The SQLite file the per-key SMS quotas are counted in (the message store's file is fine: the server keeps
         * its own table), so a restart does not reset them; default none (counted in memory).
         */
        public Builder quotaDatabase(Path database) {
            this.quotaDatabase = Objects.requireNonNull(database, "database");
            return this;
        }

        /** Adds the keys of a key file (format in the README); warns when group or others may read it. */
        public Builder apiKeyFile(Path file) {
            keys.addAll(KeyFileParser.readFile(Objects.requireNonNull(file, "file")));
            return this;
        }

        /** Adds the keys of a {@code CALLSTACK_API_KEYS} value ({@code key [privileges],key2,...}); null is none. */
        public Builder apiKeysVariable(String value) {
            keys.addAll(KeyFileParser.parseVariable(value));
            return this;
        }

        /** Requests per key per window; default 60 per 60 s; 0 turns the per-key limit off. */
        public Builder rateLimit(int requests, Duration window) {
            this.rateLimit = requests;
            this.rateWindow = Objects.requireNonNull(window, "window");
            return this;
        }

        /** Failed authentications per remote address per window before it gets 429; default 10 per 60 s. */
        public Builder authFailureLimit(int failures, Duration window) {
            this.authFailureLimit = failures;
            this.authFailureWindow = Objects.requireNonNull(window, "window");
            return this;
        }

        /** Largest request body; default 64 KiB; larger bodies get 413. */
        public Builder maxBodyBytes(int bytes) {
            this.maxBodyBytes = bytes;
            return this;
        }

        /** Events queued per WebSocket client before drop-oldest; default 256. */
        public Builder wsQueueCapacity(int capacity) {
            this.wsQueueCapacity = capacity;
            return this;
        }

        /** Largest inbound WebSocket frame; default 64 KiB; larger frames close the connection with 1009. */
        public Builder wsMaxFrameBytes(int bytes) {
            this.wsMaxFrameBytes = bytes;
            return this;
        }

        /**
         * Read-idle time; default 30 s. An idle HTTP connection is closed; an idle WebSocket is pinged, and closed
         * when it stays silent for another period.
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Offer permessage-deflate on {@code /ws}; default off (it costs memory per connection). */
        public Builder permessageDeflate(boolean enabled) {
            this.permessageDeflate = enabled;
            return this;
        }

        /** Netty I/O threads; default 0 = twice the processors. */
        public Builder ioThreads(int threads) {
            this.ioThreads = threads;
            return this;
        }

        /** How long close waits for in-flight requests and event loops; default 10 s. */
        public Builder shutdownGrace(Duration grace) {
            this.shutdownGrace = Objects.requireNonNull(grace, "grace");
            return this;
        }

        /** Per-connection write buffer water marks; default 32 KiB / 64 KiB. */
        public Builder writeBufferWaterMarks(int low, int high) {
            this.writeBufferLow = low;
            this.writeBufferHigh = high;
            return this;
        }

        /** Whether the message store is usable, for {@code /healthz}; default always true. */
        public Builder storeReady(BooleanSupplier storeReady) {
            this.storeReady = Objects.requireNonNull(storeReady, "storeReady");
            return this;
        }

        /**
         * Whether {@code modem} is simulated (nothing reaches a real network); default false. Shown as
         * {@code "simulated"} by {@code /healthz} and {@code /status}.
         */
        public Builder simulated(boolean simulated) {
            this.simulated = simulated;
            return this;
        }

        /** Close the modem when the server closes; default false (the caller owns it). */
        public Builder closeModemOnClose(boolean close) {
            this.closeModemOnClose = close;
            return this;
        }

        public CallstackServer build() {
            ServerSettings settings = new ServerSettings(host, port, keys, rateLimit, rateWindow, authFailureLimit,
                    authFailureWindow, maxBodyBytes, wsQueueCapacity, wsMaxFrameBytes, idleTimeout, permessageDeflate,
                    ioThreads, shutdownGrace, writeBufferLow, writeBufferHigh, storeReady, simulated, noAuth,
                    quotaDatabase);
            return new CallstackServer(settings, modem, closeModemOnClose);
        }
    }
}
