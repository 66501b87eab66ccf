package dev.callstack.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callstack.modem.pdu.PduDecoder;
import dev.callstack.modem.pdu.SmsSubmit;
import dev.callstack.server.internal.ModemFactory;
import dev.callstack.server.internal.OpenedModem;
import dev.callstack.server.internal.SimulatorModem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --modem simulator} as {@code Main} wires it: {@link ModemFactory} → the real AT stack against the AT
 * simulator, SMS on a SQLite file → {@link CallstackServer}. Background activity keeps running, so every check looks
 * for its own event instead of assuming what comes next.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatorModeTest {
    private static final String KEY = "simulator-test-key-Rt5";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The simulator's, the activity's and the AT stack's threads: none may outlive the server. */
    private static final List<String> THREADS = List.of("callstack-sim", "callstack-at-", "callstack-link-reader-",
            "callstack-sms-");

    @TempDir
    static Path dir;

    private OpenedModem opened;
    private SimulatorModem simulator;
    private CallstackServer server;
    private HttpClient http;
    private int port;
    private BearerHttp client;

    @BeforeAll
    void startLikeMain() throws Exception {
        LogCapture.install();
        opened = ModemFactory.open("simulator", null, dir.resolve("callstack.db"));
        simulator = (SimulatorModem) opened.modem();
        server = CallstackServer.builder(opened.modem()).storeReady(opened.storeReady()).host("127.0.0.1").port(0)
                .apiKey(KEY, Privilege.SEND, Privilege.USSD, Privilege.CONTENT).rateLimit(0, Duration.ofMinutes(1)).simulated(opened.simulated())
                .closeModemOnClose(true).build();
        port = server.start();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(WAIT).build();
        client = new BearerHttp(http, port, KEY, WAIT);
        await().atMost(WAIT).until(() -> client.get("/healthz").statusCode() == 200);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        await().atMost(WAIT).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && THREADS.stream().anyMatch(t.getName()::startsWith)));
        LogCapture.assertNoPii();
        // The simulator's own numbers and texts are no exception.
        assertThat(LogCapture.install().lines()).noneMatch(line -> line.contains("Callstack simulator")
                || line.contains("two SMS parts") || line.contains("2025550") || line.contains("7700900461"));
    }

    @Test
    void healthIsReadyWithTheSqliteStore() {
        JsonNode health = BearerHttp.json(client.get("/healthz"));
        assertThat(health.get("status").asText()).isEqualTo("ready");
        assertThat(health.get("modem_connected").asBoolean()).isTrue();
        assertThat(health.get("store_ready").asBoolean()).isTrue();
        assertThat(dir.resolve("callstack.db")).exists();
    }

    @Test
    void theSimulatorSaysSoInTheLogHealthAndStatus() {
        assertThat(opened.simulated()).isTrue();
        assertThat(LogCapture.install().lines()).anyMatch(line -> line.contains("SIMULATED MODEM")
                && line.contains("nothing reaches a real network"));
        assertThat(BearerHttp.json(client.get("/healthz")).get("simulated").asBoolean()).isTrue();
        JsonNode status = BearerHttp.json(client.get("/status"));
        assertThat(status.get("simulated").asBoolean()).isTrue();
        assertThat(status.get("modem").get("connected").asBoolean()).isTrue();
        assertThat(status.get("modem").get("profile").asText()).isEqualTo("sim800");
        assertThat(status.get("modem").get("model").asText()).isEqualTo("SIMCOM_SIM800L");
        assertThat(status.get("network").get("registration").asText()).isEqualTo("home");
    }

    @Test
    void aSentSmsGoesThroughTheAtStackAndGetsACorrelatedDeliveryReport() throws Exception {
        try (Events events = Events.connect(http, port, "sms.sent,sms.delivery_report")) {
            HttpResponse<String> sent = client.post("/sms/send",
                    "{\"to\":\"+447700900123\",\"body\":\"Meet me at the secret garden\"}");
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
            String messageId = BearerHttp.json(sent).get("message_id").asText();
            JsonNode sentEvent = events.await("sms.sent", d -> d.get("message_id").asText().equals(messageId));
            int reference = sentEvent.get("reference").asInt();
            assertThat(sentEvent.get("recipient").asText()).isEqualTo("+447700900123");

            assertThat(simulator.simulator().sentPdus()).anySatisfy(pdu -> {
                SmsSubmit submit = (SmsSubmit) PduDecoder.decode(pdu);
                assertThat(submit.recipient().value()).isEqualTo("+447700900123");
                assertThat(submit.text()).isEqualTo("Meet me at the secret garden");
            });

            simulator.activity().deliverReports();

            JsonNode report = events.await("sms.delivery_report", d -> d.get("reference").asInt() == reference);
            assertThat(report.get("status").asText()).isEqualTo("delivered");
            assertThat(report.get("recipient").asText()).isEqualTo("+447700900123");
            assertThat(report.get("message_id").asText()).isEqualTo(messageId);
            await().atMost(WAIT).untilAsserted(() -> assertThat(BearerHttp.json(client.get("/sms/delivery-reports?limit=50"))
                    .get("delivery_reports")).anySatisfy(r -> {
                        assertThat(r.get("reference").asInt()).isEqualTo(reference);
                        assertThat(r.get("status").asText()).isEqualTo("delivered");
                        assertThat(r.get("message_id").asText()).isEqualTo(messageId);
                    }));
        }
    }

    @Test
    void inboundMessagesArriveOnTheFeedAndAreListed() {
        try (Events events = Events.connect(http, port, "sms.received")) {
            String single = simulator.activity().receiveSms();
            String multipart = simulator.activity().receiveLongSms();

            JsonNode one = events.await("sms.received", d -> d.get("body").asText().equals(single));
            assertThat(one.get("parts").asInt()).isEqualTo(1);
            JsonNode two = events.await("sms.received", d -> d.get("body").asText().equals(multipart));
            assertThat(two.get("parts").asInt()).isEqualTo(2);

            JsonNode listed = BearerHttp.json(client.get("/sms/messages?limit=50")).get("messages");
            List<String> bodies = new ArrayList<>();
            listed.forEach(m -> bodies.add(m.get("body").asText()));
            assertThat(bodies).contains(single, multipart);
        }
    }

    @Test
    void anIncomingCallRingsWithCallerIdAndEnds() {
        try (Events events = Events.connect(http, port, "call.ring,call.caller_id,call.state")) {
            simulator.activity().ring(Duration.ofMillis(200));

            events.await("call.ring", d -> true);
            assertThat(events.await("call.caller_id", d -> true).get("number").asText()).startsWith("+1202555");
            events.await("call.state", d -> d.get("state").asText().equals("ended")
                    || d.get("state").asText().equals("idle"));
        }
    }

    @Test
    void theSignalChangesOnItsOwnAndThePollShowsIt() {
        try (Events events = Events.connect(http, port, "signal.quality")) {
            // Nothing triggered: the activity changes the level and the 5 s AT+CSQ poll reports it.
            JsonNode signal = events.await("signal.quality", d -> true);
            assertThat(signal.get("rssi").asInt()).isBetween(10, 29);
            assertThat(signal.get("dbm").asInt()).isEqualTo(-113 + 2 * signal.get("rssi").asInt());
        }
    }

    @Test
    void ussdIsAnsweredByTheSimulator() {
        HttpResponse<String> ussd = client.post("/ussd/send", "{\"code\":\"*100#\"}");
        assertThat(ussd.statusCode()).as(ussd.body()).isEqualTo(200);
        assertThat(BearerHttp.json(ussd).get("status").asInt()).isZero();
        assertThat(BearerHttp.json(ussd).get("message").asText()).isNotEmpty();
    }





    /** A {@code /ws} client that keeps every envelope and finds the one a check is about. */
    private static final class Events implements WebSocket.Listener, AutoCloseable {
        private final BlockingQueue<JsonNode> envelopes = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static Events connect(HttpClient http, int port, String selection) {
            Events events = new Events();
            try {
                events.socket = http.newWebSocketBuilder().header("Authorization", "Bearer " + KEY)
                        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws?events=" + selection), events)
                        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("WebSocket connect failed", e);
            }
            events.await("hello", d -> true);
            return events;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    envelopes.add(JSON.readTree(partial.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        /** The {@code data} of the first envelope of {@code type} matching {@code match}; others are skipped. */
        JsonNode await(String type, Predicate<JsonNode> match) {
            return await(type, match, WAIT);
        }

        JsonNode await(String type, Predicate<JsonNode> match, Duration within) {
            long deadline = System.nanoTime() + within.toNanos();
            try {
                while (true) {
                    JsonNode envelope = envelopes.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    assertThat(envelope).as("a %s envelope within %s", type, within).isNotNull();
                    if (type.equals(envelope.get("type").asText())) {
                        JsonNode data = envelope.has("data") ? envelope.get("data") : envelope;
                        if (match.test(data)) {
                            return data;
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            socket.abort();
        }
    }
}
