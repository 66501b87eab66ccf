package dev.callstack.server.cli;

import dev.callstack.modem.SerialModemConfig;
import dev.callstack.server.CallstackServer;
import dev.callstack.server.CallstackServerBuilder;
import dev.callstack.server.ServerTransport;
import dev.callstack.server.internal.KeyFileException;
import dev.callstack.server.internal.ModemFactory;
import dev.callstack.server.internal.OpenedModem;
import dev.callstack.server.internal.RetentionPeriod;
import dev.callstack.server.internal.SimPinFile;
import dev.callstack.server.internal.StartupWarmUp;
import dev.callstack.server.internal.TlsContextLoader;
import dev.callstack.server.internal.VoicePlanReader;
import dev.callstack.server.internal.webhook.WebhookSecret;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code callstack serve} (the default subcommand): runs the server until SIGTERM/SIGINT. Every option can also come
 * from its {@code CALLSTACK_*} variable or the {@code --config} file ({@link ConfigDefaults}).
 *
 * <p>Not thread-safe; picocli fills it and runs it once on the main thread.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpWidth = 110,
        description = "SMS and voice gateway: HTTP API and /ws realtime feed for a USB GSM/LTE modem (the default "
                + "subcommand: 'callstack --modem X' is 'callstack serve --modem X').",
        footer = {"", "Every option can also be set by the environment variable shown in its description, or in the "
                + "--config file under its name without the dashes (host = \"0.0.0.0\").",
                "Precedence: command line > environment > config file > default.",
                "CALLSTACK_API_KEYS may hold ';'-separated key lines ('<key1> send content;<key2>') in addition to the "
                        + "key file.",
                "", "Exit status: 0 stopped by a signal (or --print-config), 2 configuration refused."})
final class ServeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);
    private static final String WEBHOOK_SECRET_VARIABLE = "CALLSTACK_WEBHOOK_SECRET";

    @Option(names = "--host", defaultValue = "${env:CALLSTACK_HOST:-127.0.0.1}",
            description = "Address to listen on (CALLSTACK_HOST, default ${DEFAULT-VALUE}). "
                    + "Anything but loopback requires API keys.")
    String host;

    @Option(names = "--port", defaultValue = "${env:CALLSTACK_PORT:-8080}",
            description = "TCP port (CALLSTACK_PORT, default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--api-key-file", defaultValue = "${env:CALLSTACK_API_KEY_FILE}",
            description = "Key file: one '<key> [send ussd calls content admin] [sms_per_day=<n>] "
                    + "[to=<prefix>,...]' per line; keys of 16+ characters; '#' comments (CALLSTACK_API_KEY_FILE).")
    Path apiKeyFile;

    /**
     * The arity of the on/off settings: a bare flag means true. picocli otherwise sets a flag to the opposite of its
     * default, and the default here is the environment's or the config file's value: {@code --no-auth} against
     * {@code no-auth = true} in the file would turn authentication back on. {@code --no-auth=false} still says no.
     */
    private static final String FLAG = "0..1";

    @Option(names = "--no-auth", defaultValue = "${env:CALLSTACK_NO_AUTH:-false}",
            arity = FLAG, fallbackValue = "true", paramLabel = "true|false",
            description = "Run without API keys: any local process may send. Loopback only, never with keys "
                    + "(CALLSTACK_NO_AUTH). Without keys and without this flag the server does not start.")
    boolean noAuth;

    @Option(names = "--modem", defaultValue = "${env:CALLSTACK_MODEM}",
            description = "Required: serial device (/dev/serial/by-id/..., /dev/ttyUSB2), tcp://host:port, or "
                    + "simulator[:sim800|sim7600|ec25|huawei] (nothing reaches a real network; plain simulator plays "
                    + "a SIM800) (CALLSTACK_MODEM; no default).")
    String modem;

    @Option(names = "--db", defaultValue = "${env:CALLSTACK_DB:-./callstack.db}",
            description = "SQLite message store file (CALLSTACK_DB, default ${DEFAULT-VALUE}).")
    Path db;

    @Option(names = "--ws-queue", defaultValue = "${env:CALLSTACK_WS_QUEUE:-256}",
            description = "Events queued per WebSocket client before the oldest are dropped "
                    + "(CALLSTACK_WS_QUEUE, default ${DEFAULT-VALUE}).")
    int wsQueue;

    @Option(names = "--rate-limit", defaultValue = "${env:CALLSTACK_RATE_LIMIT:-60}",
            description = "Requests per minute per API key; 0 turns the limit off "
                    + "(CALLSTACK_RATE_LIMIT, default ${DEFAULT-VALUE}).")
    int rateLimit;

    @Option(names = "--sim-pin", defaultValue = "${env:CALLSTACK_SIM_PIN}",
            description = "SIM PIN, 4-8 digits, entered when the SIM asks for it; never logged (CALLSTACK_SIM_PIN). "
                    + "On the command line it is visible in ps: prefer --sim-pin-file.")
    String simPin;

    @Option(names = "--sim-pin-file", defaultValue = "${env:CALLSTACK_SIM_PIN_FILE}",
            description = "File holding the SIM PIN (whitespace trimmed) (CALLSTACK_SIM_PIN_FILE).")
    Path simPinFile;

    @Option(names = "--retention", defaultValue = "${env:CALLSTACK_RETENTION:-" + RetentionPeriod.DEFAULT + "}",
            description = "How long message bodies and numbers are kept: 12h, 90d, ...; older ones are erased daily, "
                    + "rows and counts stay; 0 keeps them forever (CALLSTACK_RETENTION, default ${DEFAULT-VALUE}).")
    String retention;

    @Option(names = "--journal-retention", defaultValue = "${env:CALLSTACK_JOURNAL_RETENTION:-7d}",
            description = "How long the event journal behind /ws?since= and GET /events keeps events: 12h, 7d, ...; "
                    + "0 for no age limit (CALLSTACK_JOURNAL_RETENTION, default ${DEFAULT-VALUE}).")
    String journalRetention;

    @Option(names = "--journal-max-events", defaultValue = "${env:CALLSTACK_JOURNAL_MAX_EVENTS:-1000000}",
            description = "At most this many events are kept in the event journal, the oldest go first "
                    + "(CALLSTACK_JOURNAL_MAX_EVENTS, default ${DEFAULT-VALUE}).")
    long journalMaxEvents;

    @Option(names = "--sweep-interval", defaultValue = "${env:CALLSTACK_SWEEP_INTERVAL:-60s}",
            converter = DurationConverter.class,
            description = "How often every SMS storage on the modem is read, stored and emptied, whether or not the "
                    + "modem announced the message (30s, 5m); 0 turns the periodic sweep off "
                    + "(CALLSTACK_SWEEP_INTERVAL, default ${DEFAULT-VALUE}).")
    Duration sweepInterval;

    @Option(names = "--send-rate", defaultValue = "${env:CALLSTACK_SEND_RATE:-20}",
            description = "Outbox messages handed to the modem per minute at most, to spread bulk sends the way "
                    + "operators' networks tolerate; 0 means no limit (CALLSTACK_SEND_RATE, default ${DEFAULT-VALUE}).")
    int sendRate;

    @Option(names = "--ws-deflate", defaultValue = "${env:CALLSTACK_WS_DEFLATE:-false}",
            arity = FLAG, fallbackValue = "true", paramLabel = "true|false",
            description = "Offer permessage-deflate on /ws; it costs memory per connection "
                    + "(CALLSTACK_WS_DEFLATE, default ${DEFAULT-VALUE}).")
    boolean wsDeflate;

    @Option(names = "--transport", defaultValue = "${env:CALLSTACK_TRANSPORT:-auto}",
            description = "Socket transport: auto (native epoll where it loads, else NIO), nio, or epoll (refuse to "
                    + "start without it) (CALLSTACK_TRANSPORT, default ${DEFAULT-VALUE}).")
    String transport;

    @Option(names = "--tls-cert", defaultValue = "${env:CALLSTACK_TLS_CERT}",
            description = "PEM certificate chain (e.g. certbot's fullchain.pem): serve HTTPS and WSS; reloaded when "
                    + "it changes. Needs --tls-key (CALLSTACK_TLS_CERT).")
    Path tlsCert;

    @Option(names = "--tls-key", defaultValue = "${env:CALLSTACK_TLS_KEY}",
            description = "Its unencrypted PKCS#8 PEM private key (BEGIN PRIVATE KEY) (CALLSTACK_TLS_KEY).")
    Path tlsKey;

    @Option(names = "--allowed-origins", split = ",", defaultValue = "${env:CALLSTACK_ALLOWED_ORIGINS}",
            description = "Comma-separated origins (https://app.example.com) whose pages may call the server besides "
                    + "its own; other Origins get 403 (CALLSTACK_ALLOWED_ORIGINS, default none).")
    List<String> allowedOrigins;

    @Option(names = "--allowed-hosts", split = ",", defaultValue = "${env:CALLSTACK_ALLOWED_HOSTS}",
            description = "Comma-separated Host names (name or name:port) accepted besides 127.0.0.1, [::1] and "
                    + "localhost, e.g. for a reverse proxy; other Hosts get 421 "
                    + "(CALLSTACK_ALLOWED_HOSTS, default none).")
    List<String> allowedHosts;

    @Option(names = "--request-timeout", defaultValue = "${env:CALLSTACK_REQUEST_TIMEOUT:-10s}",
            converter = DurationConverter.class,
            description = "Time a request's headers and body have to arrive (500ms, 10s, 1m); slower clients get 408 "
                    + "(CALLSTACK_REQUEST_TIMEOUT, default ${DEFAULT-VALUE}).")
    Duration requestTimeout;

    @Option(names = "--max-connections", defaultValue = "${env:CALLSTACK_MAX_CONNECTIONS:-16384}",
            description = "Open connections, WebSockets included; more are closed at once "
                    + "(CALLSTACK_MAX_CONNECTIONS, default ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--webhook", defaultValue = "${env:CALLSTACK_WEBHOOK_URL}",
            description = "A static webhook receiving every event (CALLSTACK_WEBHOOK_URL). Its secret comes from the "
                    + "environment only, CALLSTACK_WEBHOOK_SECRET ('whsec_' + base64 of 16+ random bytes); without it "
                    + "the server does not start.")
    URI webhook;

    @Option(names = "--webhook-content", defaultValue = "${env:CALLSTACK_WEBHOOK_CONTENT:-false}",
            arity = FLAG, fallbackValue = "true", paramLabel = "true|false",
            description = "The static webhook gets numbers and texts in full instead of the redacted view "
                    + "(CALLSTACK_WEBHOOK_CONTENT, default ${DEFAULT-VALUE}).")
    boolean webhookContent;

    @Option(names = "--webhook-allow-private", defaultValue = "${env:CALLSTACK_WEBHOOK_ALLOW_PRIVATE:-false}",
            arity = FLAG, fallbackValue = "true", paramLabel = "true|false",
            description = "Let webhooks call loopback, private, link-local and CGNAT addresses, e.g. a LAN Home "
                    + "Assistant; metadata and multicast addresses stay refused "
                    + "(CALLSTACK_WEBHOOK_ALLOW_PRIVATE, default ${DEFAULT-VALUE}).")
    boolean webhookAllowPrivate;

    @Option(names = "--audio-port", defaultValue = "${env:CALLSTACK_AUDIO_PORT}",
            description = "The modem's PCM audio port for voice (SIM7600: /dev/ttyUSB4; EC25: its USB audio port; or "
                    + "tcp://host:port). Without it calls work but have no audio and --voice answers nothing "
                    + "(CALLSTACK_AUDIO_PORT).")
    String audioPort;

    @Option(names = "--voice", paramLabel = "FILE", defaultValue = "${env:CALLSTACK_VOICE}",
            description = "Voice plan, JSON or YAML: which calls to answer, the menu, voicemail (format in the "
                    + "README). Checked at startup: a bad plan stops the server with exit status 2 (CALLSTACK_VOICE).")
    Path voice;

    @Option(names = "--voicemail-dir", defaultValue = "${env:CALLSTACK_VOICEMAIL_DIR}",
            description = "Where voicemail WAV files are kept, created 0700 (CALLSTACK_VOICEMAIL_DIR, default "
                    + "'voicemail' next to --db). Kept as long as --retention says.")
    Path voicemailDir;

    @Option(names = "--config", paramLabel = "FILE",
            description = "TOML configuration file (CALLSTACK_CONFIG): the options above by name, e.g. port = 8080. "
                    + "Unknown keys are refused with their line number.")
    Path config;

    @Option(names = "--print-config",
            description = "Print the effective configuration with secrets masked and where each value came from, "
                    + "then exit.")
    boolean printConfig;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (printConfig) {
            EffectiveConfig.print(spec, spec.commandLine().getOut());
            return 0;
        }
        OpenedModem opened = null;
        CallstackServer server = null;
        if (modem == null || modem.isBlank()) {
            // No default on purpose: a production service with CALLSTACK_MODEM unset or lost must not come up
            // "ready" on the simulator and send SMS nowhere.
            err.println(ModemFactory.NO_MODEM);
            err.flush();
            return 2;
        }
        // Jackson and Netty initialise on another core while the store migrates and the modem starts.
        StartupWarmUp warmUp = StartupWarmUp.start();
        try {
            validate();
            opened = ModemFactory.open(modem, simPin, db, RetentionPeriod.parse(retention), sweepInterval, sendRate,
                    audioPort == null || audioPort.isBlank() ? null : audioPort);
            warmUp.await();
            server = configure(opened);
            server.start();
        } catch (IllegalArgumentException | IllegalStateException | KeyFileException refused) {
            if (server != null) {
                server.close(); // closes the modem too
            } else if (opened != null) {
                opened.modem().close();
            }
            err.println("callstack-server: " + refused.getMessage());
            err.flush();
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        CallstackServer running = server;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Shutting down");
            running.close();
            stopped.countDown();
        }, "callstack-shutdown"));
        stopped.await();
        return 0;
    }

    private CallstackServer configure(OpenedModem opened) {
        CallstackServerBuilder builder = CallstackServer.builder(opened.modem())
                .storeReady(opened.storeReady())
                .host(host)
                .port(port)
                .rateLimit(rateLimit, Duration.ofMinutes(1))
                .wsQueueCapacity(wsQueue)
                .permessageDeflate(wsDeflate)
                .simulated(opened.simulated())
                .closeModemOnClose(true)
                .allowedOrigins(nonBlank(allowedOrigins))
                .allowedHosts(nonBlank(allowedHosts))
                .requestTimeout(requestTimeout)
                .maxConnections(maxConnections)
                .noAuth(noAuth)
                .quotaDatabase(db)
                .journalRetention(parseJournalRetention(), journalMaxEvents)
                .voicemailRetention(RetentionPeriod.parse(retention))
                .transport(parseTransport());
        if (voice != null) {
            builder.voicePlan(voice);
        }
        if (voicemailDir != null) {
            builder.voicemailDirectory(voicemailDir);
        }
        if (apiKeyFile != null) {
            builder.apiKeyFile(apiKeyFile);
        }
        builder.apiKeysVariable(System.getenv("CALLSTACK_API_KEYS"));
        if (tlsCert != null) {
            builder.tls(tlsCert, tlsKey);
        }
        builder.webhookAllowPrivate(webhookAllowPrivate);
        if (webhook != null) {
            builder.webhook(webhook, System.getenv(WEBHOOK_SECRET_VARIABLE), webhookContent);
        }
        return builder.build();
    }

    private ServerTransport parseTransport() {
        String name = transport == null ? "" : transport.trim().toLowerCase(Locale.ROOT);
        for (ServerTransport candidate : ServerTransport.values()) {
            if (candidate.name().toLowerCase(Locale.ROOT).equals(name)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("--transport must be auto, nio or epoll");
    }

    private static List<String> nonBlank(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    private void validate() {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0-65535");
        }
        if (wsQueue < 1) {
            throw new IllegalArgumentException("--ws-queue must be at least 1");
        }
        if (rateLimit < 0) {
            throw new IllegalArgumentException("--rate-limit must be 0 (off) or more");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("--request-timeout must be positive");
        }
        if (sweepInterval.isNegative()) {
            throw new IllegalArgumentException("--sweep-interval must be 0 (off) or more");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("--max-connections must be at least 1");
        }
        if (sendRate < 0) {
            throw new IllegalArgumentException("--send-rate must be 0 (no limit) or more");
        }
        if (simPin != null && !simPin.isEmpty() && !SerialModemConfig.isValidSimPin(simPin)) {
            throw new IllegalArgumentException("--sim-pin must be 4 to 8 digits");
        }
        readSimPinFile();
        RetentionPeriod.parse(retention);
        parseJournalRetention();
        if (journalMaxEvents < 1) {
            throw new IllegalArgumentException("--journal-max-events must be at least 1");
        }
        parseTransport();
        if (apiKeyFile != null && !Files.isRegularFile(apiKeyFile)) {
            throw new IllegalArgumentException("--api-key-file " + apiKeyFile + " is not a readable file");
        }
        validateDb();
        validateTls();
        validateWebhook();
        if (voice != null) {
            VoicePlanReader.check(voice); // before the modem opens: a bad plan is refused by file, path and reason
        }
        if (voicemailDir != null && Files.exists(voicemailDir) && !Files.isDirectory(voicemailDir)) {
            throw new IllegalArgumentException("--voicemail-dir " + voicemailDir + " is not a directory");
        }
    }

    private void validateWebhook() {
        if (webhook == null) {
            return;
        }
        String secret = System.getenv(WEBHOOK_SECRET_VARIABLE);
        if (secret == null || secret.isEmpty()) {
            // Refused rather than generated: a generated secret would have to be shown, and logs are no place for it.
            throw new IllegalArgumentException("--webhook needs its secret in " + WEBHOOK_SECRET_VARIABLE
                    + " (the environment only, never the command line), e.g. whsec_$(openssl rand -base64 32)");
        }
        WebhookSecret.key(secret); // the message names the rule, never the value
    }

    private void validateTls() {
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException(tlsCert == null ? "--tls-key needs --tls-cert (CALLSTACK_TLS_CERT)"
                    : "--tls-cert needs --tls-key (CALLSTACK_TLS_KEY)");
        }
        if (tlsCert != null) {
            TlsContextLoader.check(tlsCert, tlsKey); // before the modem opens: a bad file is refused by name
        }
    }

    private void readSimPinFile() {
        if (spec.commandLine().getParseResult().hasMatchedOption("--sim-pin")) {
            log.warn("--sim-pin on the command line is visible to every user of this machine in ps; "
                    + "use --sim-pin-file or CALLSTACK_SIM_PIN instead");
        }
        if (simPinFile == null) {
            return;
        }
        if (simPin != null && !simPin.isEmpty()) {
            throw new IllegalArgumentException("give --sim-pin or --sim-pin-file, not both");
        }
        simPin = SimPinFile.read(simPinFile);
    }

    private void validateDb() {
        // Checked up front for a clear message; the serial modem's SMS service opens it.
        if (Files.isDirectory(db)) {
            throw new IllegalArgumentException("--db " + db + " is a directory; give a file path");
        }
        Path parent = db.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("--db " + db + ": its directory does not exist");
        }
        if (Files.exists(db) ? !Files.isWritable(db) : !Files.isWritable(parent)) {
            throw new IllegalArgumentException("--db " + db + " is not writable");
        }
    }

    private Duration parseJournalRetention() {
        try {
            return RetentionPeriod.parse(journalRetention);
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException("--journal-retention must be hours or days such as 12h or 7d, "
                    + "or 0 for no age limit", invalid);
        }
    }
}
