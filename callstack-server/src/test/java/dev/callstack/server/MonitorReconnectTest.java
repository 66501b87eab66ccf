package dev.callstack.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callstack.server.cli.Cli;
import dev.callstack.server.internal.ModemFactory;
import dev.callstack.server.internal.OpenedModem;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code callstack monitor} across a restart of the real server (same port, same SQLite journal): it reconnects
 * with {@code since=<last id>}, so an event journaled while it was away arrives once, and none twice.
 */
class MonitorReconnectTest {
    private static final String KEY = "monitor-reconnect-key-Hq72";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CallstackServer server;
    private int port;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void startServer() throws Exception {
        Path db = dir.resolve("callstack.db");
        OpenedModem opened = ModemFactory.open("simulator", null, db);
        server = CallstackServer.builder(opened.modem()).storeReady(opened.storeReady()).host("127.0.0.1")
                .port(port).quotaDatabase(db).apiKey(KEY, Privilege.SEND).rateLimit(0, Duration.ofMinutes(1))
                .simulated(true).closeModemOnClose(true).build();
        port = server.start();
        BearerHttp http = new BearerHttp(HttpClient.newHttpClient(), port, KEY, WAIT);
        await().atMost(WAIT).until(() -> http.get("/healthz").statusCode() == 200);
    }

    private static int run(StringWriter out, StringWriter err, String... args) {
        return Cli.execute(args, Map.of("CALLSTACK_KEY", KEY), new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /** Sends one SMS through the CLI and returns its message id. */
    private String send(String body) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "send", "--url", "http://127.0.0.1:" + port, "--to", "+15550100777", "--body", body);
        assertThat(code).as(err.toString()).isZero();
        return out.toString().replaceAll("(?s)^message (\\d+):.*", "$1");
    }

    private static List<JsonNode> events(StringWriter out) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String line : out.toString().lines().toList()) {
            events.add(JSON.readTree(line));
        }
        return events;
    }

    @Test
    void monitorResumesAfterARestartWithoutGapOrDuplicate() throws Exception {
        startServer();
        String url = "http://127.0.0.1:" + port;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> monitor = CompletableFuture.supplyAsync(() -> run(out, err, "monitor", "--url",
                url, "--events", "sms.queued", "--count", "4", "--json"));
        await().atMost(WAIT).until(() -> server.realtimeClients() > 0);
        List<String> sent = new ArrayList<>();
        sent.add(send("before restart one"));
        sent.add(send("before restart two"));
        await().atMost(WAIT).until(() -> out.toString().lines().count() == 2);

        server.close();
        server = null;
        // The monitor has noticed and is backing off: what happens next on the new server it has not seen.
        await().atMost(WAIT).until(() -> err.toString().contains("reconnecting in"));
        startServer();
        sent.add(send("while the monitor is away"));
        await().atMost(WAIT).until(() -> server.realtimeClients() > 0);
        sent.add(send("after reconnecting"));

        assertThat(monitor.get(60, TimeUnit.SECONDS)).as(err.toString()).isZero();
        List<JsonNode> events = events(out);
        assertThat(events).hasSize(4).allMatch(e -> "sms.queued".equals(e.path("type").asText()));
        List<Long> ids = events.stream().map(e -> e.path("id").asLong()).toList();
        assertThat(ids).doesNotHaveDuplicates().isSorted();
        assertThat(events.stream().map(e -> e.path("data").path("message_id").asText()).toList())
                .containsExactlyElementsOf(sent);
    }
}
