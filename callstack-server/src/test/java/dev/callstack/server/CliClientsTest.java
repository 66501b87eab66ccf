package dev.callstack.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.callstack.server.cli.Cli;
import dev.callstack.server.internal.ModemFactory;
import dev.callstack.server.internal.OpenedModem;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** status, send, ussd and monitor against the real server on an ephemeral port, driving the AT simulator. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliClientsTest {
    private static final String KEY = "cli-client-test-key-Qz81";
    private static final String NUMBER = "+15550100123";
    private static final String BODY = "cli body text Zebra";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    private CallstackServer server;
    private String url;

    private record Run(int code, String out, String err) {
    }

    @BeforeAll
    void start() throws Exception {
        LogCapture.install();
        OpenedModem opened = ModemFactory.open("simulator", null, dir.resolve("callstack.db"));
        server = CallstackServer.builder(opened.modem()).storeReady(opened.storeReady()).host("127.0.0.1").port(0)
                .apiKey(KEY, Privilege.SEND, Privilege.USSD, Privilege.CONTENT).rateLimit(0, Duration.ofMinutes(1))
                .simulated(true).closeModemOnClose(true).build();
        int port = server.start();
        url = "http://127.0.0.1:" + port;
        BearerHttp http = new BearerHttp(HttpClient.newHttpClient(), port, KEY, WAIT);
        await().atMost(WAIT).until(() -> http.get("/healthz").statusCode() == 200);
    }

    @AfterAll
    void stop() {
        server.close();
        LogCapture.assertNoPii();
        assertThat(LogCapture.install().lines()).noneMatch(l -> l.contains(KEY) || l.contains(NUMBER)
                || l.contains(BODY));
    }

    private Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(args, env, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private Run run(String... args) {
        return run(Map.of("CALLSTACK_KEY", KEY), args);
    }

    @Test
    void statusPrintsHealthAndModemReadably() {
        Run status = run("status", "--url", url);
        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.out()).contains("health    ready", "SIMULATED", "SIMCOM_SIM800L", "network   home");
        assertThat(status.out() + status.err()).doesNotContain(KEY);
        Run json = run("status", "--url", url, "--json");
        assertThat(json.out()).startsWith("{\"healthz\":{").contains("\"status\":{");
    }

    @Test
    void sendPrintsTheIdAndWaitFollowsItToAFinalState() {
        Run sent = run("send", "--url", url, "--to", NUMBER, "--body", BODY, "--wait");
        assertThat(sent.code()).as(sent.err()).isZero();
        assertThat(sent.out()).containsPattern("message \\d+: queued").containsPattern("message \\d+: (sent|delivered)");
        assertThat(sent.out() + sent.err()).doesNotContain(KEY);
    }

    @Test
    void aKeyFromAFileWorksAndAWrongKeyIsRefusedWithExit1() throws Exception {
        Path keyFile = Files.writeString(dir.resolve("key"), "# mine\n" + KEY + " send\n");
        assertThat(run(Map.of(), "status", "--url", url, "--key-file", keyFile.toString()).code()).isZero();
        Run refused = run(Map.of("CALLSTACK_KEY", "wrong-key-wrong-key-123"), "ussd", "--url", url, "*100#");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("403: Invalid API key").doesNotContain("wrong-key-wrong-key-123");
    }

    @Test
    void ussdPrintsTheReply() {
        Run ussd = run("ussd", "--url", url, "*100#");
        assertThat(ussd.code()).as(ussd.err()).isZero();
        assertThat(ussd.out()).contains("[status ");
    }

    @Test
    void anUnreachableServerExits3() {
        Run down = run("status", "--url", "http://127.0.0.1:1");
        assertThat(down.code()).isEqualTo(3);
        assertThat(down.err()).contains("cannot reach");
    }

    @Test
    void monitorPrintsLiveEventsOnePerLine() {
        CompletableFuture<Run> monitor = CompletableFuture.supplyAsync(() -> run("monitor", "--url", url,
                "--events", "sms.queued", "--count", "1", "--json"));
        await().atMost(WAIT).until(() -> server.realtimeClients() > 0);
        assertThat(run("send", "--url", url, "--to", NUMBER, "--body", BODY).code()).isZero();
        Run events = monitor.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        assertThat(events.code()).as(events.err()).isZero();
        assertThat(events.out().lines()).hasSize(1).allMatch(l -> l.startsWith("{\"type\":\"sms.queued\""));
    }
}
