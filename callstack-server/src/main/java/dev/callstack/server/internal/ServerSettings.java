package dev.callstack.server.internal;

import dev.callstack.server.ServerTransport;
import dev.callstack.server.internal.webhook.WebhookSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Everything the server needs besides the modem. Built by {@code CallstackServerBuilder}, which documents each
 * value and its default. {@code tls} is null for plain HTTP. {@code quotaDatabase} may be null (SMS quotas then
 * live in memory; so do webhook subscriptions and deliveries, and the event journal). {@code webhooks} null means
 * the defaults. A zero {@code journalRetention} keeps events by count only. {@code transport} null means
 * {@code AUTO}. A zero {@code wsFlushInterval} writes realtime events without coalescing.
 */
public record ServerSettings(String host, int port, List<KeyEntry> keys, int rateLimit, Duration rateWindow,
                             int authFailureLimit, Duration authFailureWindow, int maxBodyBytes, int wsQueueCapacity,
                             int wsMaxFrameBytes, Duration idleTimeout, boolean permessageDeflate, int ioThreads,
                             Duration shutdownGrace, int writeBufferLow, int writeBufferHigh,
                             BooleanSupplier storeReady, boolean simulated, TlsFiles tls,
                             List<String> allowedOrigins, List<String> allowedHosts, Duration requestTimeout,
                             int maxConnections, boolean noAuth, Path quotaDatabase,
                             WebhookSettings webhooks, Duration journalRetention, long journalMaxEvents,
                             ServerTransport transport, Duration wsFlushInterval) {
    public ServerSettings {
        Objects.requireNonNull(host, "host");
        keys = List.copyOf(Objects.requireNonNull(keys, "keys"));
        Objects.requireNonNull(rateWindow, "rateWindow");
        Objects.requireNonNull(authFailureWindow, "authFailureWindow");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(storeReady, "storeReady");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535");
        }
        if (rateLimit < 0 || authFailureLimit < 0) {
            throw new IllegalArgumentException("rate limits must not be negative");
        }
        if (maxBodyBytes < 1 || wsQueueCapacity < 1 || wsMaxFrameBytes < 1) {
            throw new IllegalArgumentException("sizes must be positive");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive");
        }
        allowedOrigins = List.copyOf(Objects.requireNonNull(allowedOrigins, "allowedOrigins"));
        allowedHosts = List.copyOf(Objects.requireNonNull(allowedHosts, "allowedHosts"));
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("request timeout must be positive");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("max connections must be at least 1");
        }
        webhooks = webhooks == null ? WebhookSettings.defaults() : webhooks;
        transport = transport == null ? ServerTransport.AUTO : transport;
        Objects.requireNonNull(journalRetention, "journalRetention");
        if (journalRetention.isNegative() || journalMaxEvents < 1) {
            throw new IllegalArgumentException("journal retention must not be negative, max events at least 1");
        }
        Objects.requireNonNull(wsFlushInterval, "wsFlushInterval");
        if (wsFlushInterval.isNegative() || wsFlushInterval.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("the WebSocket flush interval must be 0-1 s");
        }
        if (writeBufferLow < 1 || writeBufferHigh < writeBufferLow) {
            throw new IllegalArgumentException("write buffer water marks must satisfy 0 < low <= high");
        }
    }
}
