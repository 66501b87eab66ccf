package dev.callstack.server;

import dev.callstack.server.internal.KeyEntry;
import dev.callstack.server.internal.ServerSettings;
import dev.callstack.server.internal.VoiceSettings;
import dev.callstack.server.internal.TlsFiles;
import dev.callstack.server.internal.webhook.WebhookSettings;
import dev.callstack.server.internal.webhook.WebhookTiming;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The values a {@link CallstackServerBuilder} collects, with their defaults, and their assembly into
 * {@link ServerSettings} (which validates them). The builder's setters document each default; keep them in step.
 * Not thread-safe; owned by one builder.
 */
final class ServerOptions {
    String host = "127.0.0.1";
    int port = 8080;
    final List<KeyEntry> keys = new ArrayList<>();
    int rateLimit = 60;
    Duration rateWindow = Duration.ofSeconds(60);
    int authFailureLimit = 10;
    Duration authFailureWindow = Duration.ofSeconds(60);
    int maxBodyBytes = 64 * 1024;
    int wsQueueCapacity = 256;
    int wsMaxFrameBytes = 64 * 1024;
    Duration idleTimeout = Duration.ofSeconds(30);
    boolean permessageDeflate;
    int ioThreads;
    Duration shutdownGrace = Duration.ofSeconds(10);
    int writeBufferLow = 32 * 1024;
    int writeBufferHigh = 64 * 1024;
    Duration wsFlushInterval = Duration.ofMillis(5);
    BooleanSupplier storeReady = () -> true;
    boolean closeModemOnClose;
    boolean simulated;
    Path tlsCertificate;
    Path tlsPrivateKey;
    Duration tlsReloadInterval = Duration.ofSeconds(30);
    final List<String> allowedOrigins = new ArrayList<>();
    final List<String> allowedHosts = new ArrayList<>();
    Duration requestTimeout = Duration.ofSeconds(10);
    int maxConnections = 16_384;
    boolean noAuth;
    Path quotaDatabase;
    URI webhookUrl;
    String webhookSecret;
    boolean webhookContent;
    boolean webhookAllowPrivate;
    WebhookTiming webhookTiming = WebhookTiming.defaults();
    Duration journalRetention = Duration.ofDays(7);
    long journalMaxEvents = 1_000_000;
    Path voicePlan;
    Path voicemailDir;
    Duration voicemailRetention = Duration.ZERO;
    ServerTransport transport = ServerTransport.AUTO;

    /** Adds a key given in code; keys from files and the environment are checked by their parser. */
    void addKey(String secret, Set<Privilege> privileges, int smsPerDay, List<String> recipientPrefixes) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length() < KeyEntry.MIN_LENGTH) {
            throw new IllegalArgumentException("API keys must be at least " + KeyEntry.MIN_LENGTH + " characters");
        }
        keys.add(new KeyEntry(secret, privileges, smsPerDay, recipientPrefixes));
    }

    /** The webhook values as settings; throws when they do not fit together (the message never quotes the secret). */
    WebhookSettings webhookSettings() {
        return new WebhookSettings(webhookUrl, webhookSecret, webhookContent, webhookAllowPrivate, webhookTiming);
    }

    /** The voice values ({@code --voice}, {@code --voicemail-dir}, {@code --retention}). */
    VoiceSettings voiceSettings() {
        return new VoiceSettings(voicePlan, voicemailDir, voicemailRetention);
    }

    /** Everything as the server's settings, validated there. */
    ServerSettings settings() {
        return new ServerSettings(host, port, keys, rateLimit, rateWindow, authFailureLimit,
                authFailureWindow, maxBodyBytes, wsQueueCapacity, wsMaxFrameBytes, idleTimeout, permessageDeflate,
                ioThreads, shutdownGrace, writeBufferLow, writeBufferHigh, storeReady, simulated,
                tlsCertificate == null ? null : new TlsFiles(tlsCertificate, tlsPrivateKey, tlsReloadInterval),
                allowedOrigins, allowedHosts, requestTimeout, maxConnections, noAuth, quotaDatabase, webhookSettings(),
                journalRetention, journalMaxEvents, transport, wsFlushInterval);
    }
}
