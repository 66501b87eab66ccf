package dev.callstack.server;

import dev.callstack.core.Modem;
import dev.callstack.server.internal.KeyFileParser;
import dev.callstack.server.internal.webhook.WebhookTiming;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

/** Server options; every setter documents its default. Not thread-safe. */
public final class CallstackServerBuilder {
    private final Modem modem;
    private final ServerOptions options = new ServerOptions();

    CallstackServerBuilder(Modem modem) {
        this.modem = Objects.requireNonNull(modem, "modem");
    }

    /**
     * Address to listen on; default {@code 127.0.0.1}. Non-loopback addresses require at least one key.
     *
     * @param host a host name or IP literal; not null
     * @return this builder
     */
    public CallstackServerBuilder host(String host) {
        options.host = Objects.requireNonNull(host, "host");
        return this;
    }

    /**
     * TCP port; default 8080; 0 picks a free port.
     *
     * @param port 0–65535
     * @return this builder
     */
    public CallstackServerBuilder port(int port) {
        options.port = port;
        return this;
    }

    /**
     * Adds a key of at least 16 characters; a key without privileges is read-only. Without any key,
     * {@link #noAuth(boolean)} must be set or {@link CallstackServer#start()} refuses to start.
     *
     * @param secret     the key as clients send it; not null, never logged
     * @param privileges what the key may do beyond reading the redacted view; none for read-only
     * @return this builder
     */
    public CallstackServerBuilder apiKey(String secret, Privilege... privileges) {
        EnumSet<Privilege> set = EnumSet.noneOf(Privilege.class);
        for (Privilege privilege : privileges) {
            set.add(Objects.requireNonNull(privilege, "privilege"));
        }
        return apiKey(secret, set, 0, List.of());
    }

    /**
     * Adds a key with limits: {@code smsPerDay} SMS parts per rolling 24 hours (0 for no limit), and the E.164
     * prefixes ({@code +4915}) its SMS recipients must start with (empty for any recipient).
     *
     * @param secret            the key as clients send it, at least 16 characters; never logged
     * @param privileges        what the key may do beyond reading the redacted view
     * @param smsPerDay         SMS parts per rolling 24 hours, 0 for no limit
     * @param recipientPrefixes E.164 prefixes recipients must start with; empty for any
     * @return this builder
     */
    public CallstackServerBuilder apiKey(String secret, Set<Privilege> privileges, int smsPerDay, List<String> recipientPrefixes) {
        options.addKey(secret, privileges, smsPerDay, recipientPrefixes);
        return this;
    }

    /**
     * Runs without authentication: every caller may send SMS, USSD and calls, with the redacted view. Loopback
     * addresses only, and only without keys; default false. Without keys and without this, {@link CallstackServer#start()}
     * refuses to start.
     *
     * @param noAuth whether to run without authentication
     * @return this builder
     */
    public CallstackServerBuilder noAuth(boolean noAuth) {
        options.noAuth = noAuth;
        return this;
    }

    /**
     * The SQLite file the per-key SMS quotas are counted in (the message store's file is fine: the server keeps
     * its own table), so a restart does not reset them; default none (counted in memory).
     *
     * @param database the SQLite file
     * @return this builder
     */
    public CallstackServerBuilder quotaDatabase(Path database) {
        options.quotaDatabase = Objects.requireNonNull(database, "database");
        return this;
    }

    /**
     * How long the event journal ({@code /ws?since=}, {@code GET /events}) keeps events, and at most how many; default
     * 7 days and 1 000 000. The journal lives in the {@link #quotaDatabase} file (in memory without one).
     *
     * @param maxAge the age limit; {@link Duration#ZERO} for none (count only); not negative
     * @param maxEvents the count limit, at least 1
     * @return this builder
     */
    public CallstackServerBuilder journalRetention(Duration maxAge, long maxEvents) {
        options.journalRetention = Objects.requireNonNull(maxAge, "maxAge");
        options.journalMaxEvents = maxEvents;
        return this;
    }

    /**
     * Adds the keys of a key file (format in the README); warns when group or others may read it.
     *
     * @param file the key file; read once, now
     * @return this builder
     */
    public CallstackServerBuilder apiKeyFile(Path file) {
        options.keys.addAll(KeyFileParser.readFile(Objects.requireNonNull(file, "file")));
        return this;
    }

    /**
     * Adds the keys of a {@code CALLSTACK_API_KEYS} value ({@code key [privileges],key2,...}); null is none.
     *
     * @param value the variable's value, or null
     * @return this builder
     */
    public CallstackServerBuilder apiKeysVariable(String value) {
        options.keys.addAll(KeyFileParser.parseVariable(value));
        return this;
    }

    /**
     * Requests per key per window; default 60 per 60 s; 0 turns the per-key limit off.
     *
     * @param requests requests allowed per key per window; 0 for no limit
     * @param window the window length; not null
     * @return this builder
     */
    public CallstackServerBuilder rateLimit(int requests, Duration window) {
        options.rateLimit = requests;
        options.rateWindow = Objects.requireNonNull(window, "window");
        return this;
    }

    /**
     * Failed authentications per remote address per window before it gets 429; default 10 per 60 s.
     *
     * @param failures failed authentications allowed per address per window
     * @param window the window length; not null
     * @return this builder
     */
    public CallstackServerBuilder authFailureLimit(int failures, Duration window) {
        options.authFailureLimit = failures;
        options.authFailureWindow = Objects.requireNonNull(window, "window");
        return this;
    }

    /**
     * Largest request body; default 64 KiB; larger bodies get 413.
     *
     * @param bytes the limit in bytes, positive
     * @return this builder
     */
    public CallstackServerBuilder maxBodyBytes(int bytes) {
        options.maxBodyBytes = bytes;
        return this;
    }

    /**
     * Events queued per WebSocket client before drop-oldest; default 256.
     *
     * @param capacity events per client, at least 1
     * @return this builder
     */
    public CallstackServerBuilder wsQueueCapacity(int capacity) {
        options.wsQueueCapacity = capacity;
        return this;
    }

    /**
     * Largest inbound WebSocket frame; default 64 KiB; larger frames close the connection with 1009.
     *
     * @param bytes the limit in bytes, positive
     * @return this builder
     */
    public CallstackServerBuilder wsMaxFrameBytes(int bytes) {
        options.wsMaxFrameBytes = bytes;
        return this;
    }

    /**
     * Read-idle time; default 30 s. An idle HTTP connection is closed; an idle WebSocket is pinged, and closed when
     * it stays silent for another period.
     *
     * @param timeout the read-idle period; not null
     * @return this builder
     */
    public CallstackServerBuilder idleTimeout(Duration timeout) {
        options.idleTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * Offer permessage-deflate on {@code /ws}; default off (it costs memory per connection).
     *
     * @param enabled true to offer the extension
     * @return this builder
     */
    public CallstackServerBuilder permessageDeflate(boolean enabled) {
        options.permessageDeflate = enabled;
        return this;
    }

    /**
     * Netty I/O threads; default 0 = one per processor.
     *
     * @param threads the number of event-loop threads; 0 for the default
     * @return this builder
     */
    public CallstackServerBuilder ioThreads(int threads) {
        options.ioThreads = threads;
        return this;
    }

    /**
     * The socket transport: {@code AUTO} (the default) takes native epoll where it loads, else NIO.
     *
     * @param transport the transport; not null
     * @return this builder
     */
    public CallstackServerBuilder transport(ServerTransport transport) {
        options.transport = Objects.requireNonNull(transport, "transport");
        return this;
    }

    /**
     * How long close waits for in-flight requests and event loops; default 10 s.
     *
     * @param grace the longest wait; not null
     * @return this builder
     */
    public CallstackServerBuilder shutdownGrace(Duration grace) {
        options.shutdownGrace = Objects.requireNonNull(grace, "grace");
        return this;
    }

    /**
     * How long each I/O thread lets realtime events collect before it writes them, while they keep coming; default
     * 5 ms. An event after a quiet interval goes out at once; under a steady stream each client gets one write per
     * interval instead of one per event, which is most of the server's CPU per delivery. 0 writes every event at
     * once. Adds at most the interval to an event's latency.
     *
     * @param interval from 0 to 1 s; not null
     * @return this builder
     */
    public CallstackServerBuilder wsFlushInterval(Duration interval) {
        options.wsFlushInterval = Objects.requireNonNull(interval, "interval");
        return this;
    }

    /**
     * Per-connection write buffer water marks; default 32 KiB / 64 KiB.
     *
     * @param low bytes below which a connection is writable again
     * @param high bytes above which a connection stops being writable; not below {@code low}
     * @return this builder
     */
    public CallstackServerBuilder writeBufferWaterMarks(int low, int high) {
        options.writeBufferLow = low;
        options.writeBufferHigh = high;
        return this;
    }

    /**
     * Whether the message store is usable, for {@code /healthz}; default always true.
     *
     * @param storeReady polled on each health request; must be cheap and not block
     * @return this builder
     */
    public CallstackServerBuilder storeReady(BooleanSupplier storeReady) {
        options.storeReady = Objects.requireNonNull(storeReady, "storeReady");
        return this;
    }

    /**
     * Whether {@code modem} is simulated (nothing reaches a real network); default false. Shown as
     * {@code "simulated"} by {@code /healthz} and {@code /status}.
     *
     * @param simulated true when the modem is a simulator or fake
     * @return this builder
     */
    public CallstackServerBuilder simulated(boolean simulated) {
        options.simulated = simulated;
        return this;
    }

    /**
     * Close the modem when the server closes; default false (the caller owns it).
     *
     * @param close true to close the modem in {@link CallstackServer#close()}
     * @return this builder
     */
    public CallstackServerBuilder closeModemOnClose(boolean close) {
        options.closeModemOnClose = close;
        return this;
    }

    /**
     * Serve HTTPS and WSS instead of plain HTTP, with this PEM certificate chain (leaf first, as certbot's
     * {@code fullchain.pem}) and its unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY}); default plain
     * HTTP. The files are loaded by {@link CallstackServer#start()}, which refuses a bad one with an
     * {@link IllegalArgumentException} naming it, and are then watched: a renewal is used for new connections
     * (see {@link #tlsReloadInterval}).
     *
     * @param certificate the PEM certificate chain file
     * @param privateKey  the PEM PKCS#8 private key file
     * @return this builder
     */
    public CallstackServerBuilder tls(Path certificate, Path privateKey) {
        options.tlsCertificate = Objects.requireNonNull(certificate, "certificate");
        options.tlsPrivateKey = Objects.requireNonNull(privateKey, "privateKey");
        return this;
    }

    /**
     * How often the TLS files are checked for a renewal; default 30 s.
     *
     * @param interval the polling interval
     * @return this builder
     */
    public CallstackServerBuilder tlsReloadInterval(Duration interval) {
        options.tlsReloadInterval = Objects.requireNonNull(interval, "interval");
        return this;
    }

    /**
     * Adds origins ({@code https://app.example.com[:port]}) whose pages may call the server; default none. A
     * request whose {@code Origin} is neither one of these nor the server's own gets 403, as does a request
     * marked {@code Sec-Fetch-Site: cross-site}, or {@code same-site} from an origin not allowed.
     *
     * @param origins origins as {@code scheme://host[:port]}
     * @return this builder
     */
    public CallstackServerBuilder allowedOrigins(List<String> origins) {
        options.allowedOrigins.addAll(Objects.requireNonNull(origins, "origins"));
        return this;
    }

    /**
     * Adds accepted {@code Host} names (optionally {@code name:port}), for a reverse proxy; default none. On a
     * loopback address only {@code 127.0.0.1}, {@code [::1]}, {@code localhost} and these are accepted; on any
     * other address the {@code Host} check applies once a name is added. Other hosts get 421.
     *
     * @param hosts host names, each optionally with {@code :port}
     * @return this builder
     */
    public CallstackServerBuilder allowedHosts(List<String> hosts) {
        options.allowedHosts.addAll(Objects.requireNonNull(hosts, "hosts"));
        return this;
    }

    /**
     * Time a request's head and body have to arrive, from its first byte; default 10 s. A slower client gets
     * 408 and is disconnected.
     *
     * @param timeout the time limit per request
     * @return this builder
     */
    public CallstackServerBuilder requestTimeout(Duration timeout) {
        options.requestTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * Open connections (WebSockets included); default 16384. Connections past it are closed at once.
     *
     * @param connections the cap
     * @return this builder
     */
    public CallstackServerBuilder maxConnections(int connections) {
        options.maxConnections = connections;
        return this;
    }

    /**
     * A static webhook subscription ({@code --webhook}): every event, signed with {@code secret}, kept across
     * restarts under the id {@code static}; without it a stored static subscription is removed at start. Default none.
     *
     * @param url     the receiver; checked like any webhook URL before each attempt
     * @param secret  a Standard Webhooks secret, {@code whsec_} and base64 of at least 16 bytes; never logged
     * @param content whether payloads are unredacted (else the redacted view)
     * @return this builder
     * @throws IllegalArgumentException when the secret is not of that form (the message does not quote it)
     */
    public CallstackServerBuilder webhook(URI url, String secret, boolean content) {
        options.webhookUrl = Objects.requireNonNull(url, "url");
        options.webhookSecret = Objects.requireNonNull(secret, "secret");
        options.webhookContent = content;
        options.webhookSettings(); // validates now
        return this;
    }

    /**
     * Whether webhooks may target loopback, private (RFC 1918, fc00::/7), link-local and CGNAT addresses, e.g. a
     * LAN Home Assistant. Metadata, multicast and unspecified addresses stay refused. Default false.
     *
     * @param allow true to allow them
     * @return this builder
     */
    public CallstackServerBuilder webhookAllowPrivate(boolean allow) {
        options.webhookAllowPrivate = allow;
        return this;
    }

    /**
     * A voice plan (JSON or YAML, format in the README): incoming calls it accepts are answered and run through its
     * menu when the modem has an audio port; default none. The file and every WAV it names are read and checked by
     * {@link CallstackServer#start()}, which refuses a bad plan with an {@link IllegalArgumentException} naming the
     * file, the path of the value and the reason.
     *
     * @param plan the plan file
     * @return this builder
     */
    public CallstackServerBuilder voicePlan(Path plan) {
        options.voicePlan = Objects.requireNonNull(plan, "plan");
        return this;
    }

    /**
     * Where voicemail WAV files are kept (created 0700, files 0600); default {@code voicemail} next to the
     * {@link #quotaDatabase} file, or without one a temporary directory removed when the server closes.
     *
     * @param directory the directory
     * @return this builder
     */
    public CallstackServerBuilder voicemailDirectory(Path directory) {
        options.voicemailDir = Objects.requireNonNull(directory, "directory");
        return this;
    }

    /**
     * How long voicemail is kept (file and row); default forever ({@link Duration#ZERO}). The CLI passes
     * {@code --retention}.
     *
     * @param retention the age limit, {@link Duration#ZERO} for none; not negative
     * @return this builder
     */
    public CallstackServerBuilder voicemailRetention(Duration retention) {
        options.voicemailRetention = Objects.requireNonNull(retention, "retention");
        return this;
    }

    /** Tests: shorter retries and timeouts, or a clock of their own. */
    CallstackServerBuilder webhookTiming(WebhookTiming timing) {
        options.webhookTiming = Objects.requireNonNull(timing, "timing");
        return this;
    }

    /**
     * Creates the server; nothing is bound until {@link CallstackServer#start()}.
     *
     * @return the server
     */
    public CallstackServer build() {
        return new CallstackServer(options.settings(), options.voiceSettings(), modem, options.closeModemOnClose);
    }
}
