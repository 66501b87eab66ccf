package dev.callstack.server;

import dev.callstack.modem.SerialModemConfig;
import dev.callstack.server.internal.KeyFileException;
import dev.callstack.server.internal.ModemFactory;
import dev.callstack.server.internal.OpenedModem;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar callstack-server.jar}: runs the server until SIGTERM/SIGINT. */
@Command(name = "callstack-server", mixinStandardHelpOptions = true, version = "callstack-server 0.1.0",
        sortOptions = false, usageHelpWidth = 110,
        description = "SMS and voice gateway: HTTP API and /ws realtime feed for a USB GSM/LTE modem.",
        footer = {"", "Every option can also be set by the environment variable shown in its description.",
                "CALLSTACK_API_KEYS may hold ';'-separated key lines ('<key1> send content;<key2>') in addition to the "
                        + "key file."})
public final class Main implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

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

    @Option(names = "--no-auth", defaultValue = "${env:CALLSTACK_NO_AUTH:-false}",
            description = "Run without API keys: any local process may send. Loopback only, never with keys "
                    + "(CALLSTACK_NO_AUTH). Without keys and without this flag the server does not start.")
    boolean noAuth;

    @Option(names = "--modem", defaultValue = "${env:CALLSTACK_MODEM}",
            description = "Required: serial device (/dev/serial/by-id/..., /dev/ttyUSB2), tcp://host:port, or "
                    + "simulator (nothing reaches a real network) (CALLSTACK_MODEM; no default).")
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
            description = "SIM PIN, 4-8 digits, entered when the SIM asks for it; never logged (CALLSTACK_SIM_PIN).")
    String simPin;

    @Option(names = "--ws-deflate", defaultValue = "${env:CALLSTACK_WS_DEFLATE:-false}",
            description = "Offer permessage-deflate on /ws; it costs memory per connection "
                    + "(CALLSTACK_WS_DEFLATE, default ${DEFAULT-VALUE}).")
    boolean wsDeflate;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = new CommandLine(new Main()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        OpenedModem opened = null;
        CallstackServer server = null;
        if (modem == null || modem.isBlank()) {
            // No default on purpose: a production service with CALLSTACK_MODEM unset or lost must not come up
            // "ready" on the simulator and send SMS nowhere.
            err.println(ModemFactory.NO_MODEM);
            err.flush();
            return 2;
        }
        try {
            validate();
            opened = ModemFactory.open(modem, simPin, db);
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
        CallstackServer.Builder builder = CallstackServer.builder(opened.modem())
                .storeReady(opened.storeReady())
                .host(host)
                .port(port)
                .rateLimit(rateLimit, Duration.ofMinutes(1))
                .wsQueueCapacity(wsQueue)
                .permessageDeflate(wsDeflate)
                .simulated(opened.simulated())
                .noAuth(noAuth)
                .quotaDatabase(db)
                .closeModemOnClose(true);
        if (apiKeyFile != null) {
            builder.apiKeyFile(apiKeyFile);
        }
        builder.apiKeysVariable(System.getenv("CALLSTACK_API_KEYS"));
        return builder.build();
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
        if (simPin != null && !simPin.isEmpty() && !SerialModemConfig.isValidSimPin(simPin)) {
            throw new IllegalArgumentException("--sim-pin must be 4 to 8 digits");
        }
        if (apiKeyFile != null && !Files.isRegularFile(apiKeyFile)) {
            throw new IllegalArgumentException("--api-key-file " + apiKeyFile + " is not a readable file");
        }
        validateDb();
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
}
