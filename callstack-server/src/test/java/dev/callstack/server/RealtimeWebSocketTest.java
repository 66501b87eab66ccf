package dev.callstack.server;

import static dev.callstack.server.TestServer.CONTENT_KEY;
import static dev.callstack.server.TestServer.PLAIN_KEY;
import static dev.callstack.server.TestServer.assertJson;
import static org.assertj.core.api.Assertions.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callstack.core.event.CallState;
import dev.callstack.core.event.DeliveryStatus;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoPiiInLogs.class)
class RealtimeWebSocketTest {
    private static final String ALL_EVENTS = "[\"sms.received\",\"sms.delivery_report\",\"sms.sent\",\"call.state\","
            + "\"call.ring\",\"call.caller_id\",\"call.dtmf\",\"modem.state\",\"signal.quality\",\"network.registration\",\"ussd.response\","
            + "\"sms.queued\",\"sms.failed\",\"call.voicemail\",\"call.ivr\"]";
    private static final String NUMBER = "+15550100100";
    private static final String BODY = "Meet me at the secret garden";
    /** The one timestamp shape on the wire: RFC 3339, UTC, milliseconds. */
    static final String MILLIS_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    private TestServer server;
    private final List<WsClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        clients.forEach(WsClient::close);
        server.close();
    }

    private WsClient connect(String path, String key) {
        WsClient client = WsClient.connect(server, path, key);
        clients.add(client);
        return client;
    }

    /** A handshake sent as a plain request, so the refusal body can be read. */
    private HttpResponse<String> upgradeRequest(TestServer target, String path, String key) {
        return target.send(target.request(path, key)
                .header("Connection", "Upgrade")
                .header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "13")
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .GET().build());
    }

    private static int handshakeStatus(Throwable failure) {
        assertThat(failure).isInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) failure).getResponse().statusCode();
    }

    // ------------------------------------------------------------------------------------------------ refusals

    @Test
    void upgradeWithoutAuthorizationIs401AndNoWebSocket() {
        assertThat(handshakeStatus(WsClient.connectFailure(server, "/ws", null))).isEqualTo(401);
        HttpResponse<String> response = upgradeRequest(server, "/ws", null);
        assertJson(response, 401,
                "{\"error\":\"Missing or invalid Authorization header. Use 'Bearer <api_key>'.\"}");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(server.server.realtimeClients()).isZero();
    }

    @Test
    void upgradeWithUnknownKeyIs403() {
        assertThat(handshakeStatus(WsClient.connectFailure(server, "/ws", "bogus-key-123"))).isEqualTo(403);
        assertJson(upgradeRequest(server, "/ws", "bogus-key-123"), 403, "{\"error\":\"Invalid API key.\"}");
        assertThat(server.server.realtimeClients()).isZero();
    }

    @Test
    void upgradeOverTheRateLimitIs429() {
        // One token an hour: the refusals below cannot turn into a refill however slowly they run.
        try (TestServer limited = TestServer.start(b -> b.rateLimit(1, Duration.ofHours(1)))) {
            assertThat(limited.get("/healthz", PLAIN_KEY).statusCode()).isEqualTo(200);
            assertThat(handshakeStatus(WsClient.connectFailure(limited, "/ws", PLAIN_KEY))).isEqualTo(429);
            HttpResponse<String> response = upgradeRequest(limited, "/ws", PLAIN_KEY);
            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(TestServer.json(response).get("error").asText()).isEqualTo("Rate limit exceeded.");
            assertThat(limited.server.realtimeClients()).isZero();
        }
    }

    @Test
    void unsupportedFilterIs400WithTheSupportedNames() {
        assertThat(handshakeStatus(WsClient.connectFailure(server, "/ws?events=bogus", PLAIN_KEY))).isEqualTo(400);
        HttpResponse<String> response = upgradeRequest(server, "/ws?events=sms.received,bogus.event", PLAIN_KEY);
        assertJson(response, 400,
                "{\"error\":\"unsupported WebSocket event filter\",\"supported_events\":" + ALL_EVENTS + "}");
        assertThat(response.body()).doesNotContain("bogus");
        assertThat(server.server.realtimeClients()).isZero();
    }

    @Test
    void incompleteOrUnsupportedHandshakesGetAJsonAnswerNotADroppedConnection() {
        HttpResponse<String> noKey = server.send(server.request("/ws", PLAIN_KEY)
                .header("Connection", "Upgrade").header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "13").GET().build());
        assertJson(noKey, 400, "{\"error\":\"WebSocket upgrade required\"}");
        HttpResponse<String> oldVersion = server.send(server.request("/ws", PLAIN_KEY)
                .header("Connection", "Upgrade").header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "99").header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .GET().build());
        assertJson(oldVersion, 426, "{\"error\":\"unsupported WebSocket version\"}");
        assertThat(oldVersion.headers().firstValue("Sec-WebSocket-Version")).hasValue("13");
        assertThat(server.server.realtimeClients()).isZero();
    }

    @Test
    void plainGetOnWsIs400() {
        assertJson(server.get("/ws", PLAIN_KEY), 400, "{\"error\":\"WebSocket upgrade required\"}");
    }

    // ------------------------------------------------------------------------------------------------ protocol

    @Test
    void helloComesFirstAndListsEverything() throws Exception {
        WsClient client = connect("/ws", PLAIN_KEY);
        assertThat(client.nextJson()).isEqualTo(TestServer.JSON.readTree(
                "{\"type\":\"hello\",\"version\":1,\"events\":" + ALL_EVENTS + ",\"selected_events\":" + ALL_EVENTS
                        + ",\"last_id\":0}"));
    }

    @Test
    void everyEventTypeArrivesInBothViews() throws Exception {
        WsClient redacted = connect("/ws", PLAIN_KEY);
        WsClient content = connect("/ws", CONTENT_KEY);
        redacted.next();
        content.next();

        server.modem.receiveSms(NUMBER, BODY);
        server.modem.deliveryReport(5, NUMBER, DeliveryStatus.DELIVERED);
        server.modem.nextSendSucceeds(9);
        assertThat(server.post("/sms/send", PLAIN_KEY, "{\"to\":\"" + NUMBER + "\",\"body\":\"hi\"}").statusCode())
                .isEqualTo(202);
        server.modem.ring("+447700900123");
        server.modem.dtmf('7');
        server.modem.disconnect("unplugged");
        server.modem.reconnect();
        server.modem.signal(99, 99);
        server.modem.ussdResponse(0, "Balance 12.34 EUR", 15);

        String[][] expected = {
            // The times inside sms.* data are checked against the envelope below, then left out of the comparison.
            {"sms.received", "{\"id\":1,\"sender\":\"+***0100\",\"body\":\"[redacted]\",\"body_length\":28,"
                + "\"parts\":1,\"partial\":false}",
                "{\"id\":1,\"sender\":\"+15550100100\",\"body\":\"" + BODY + "\",\"body_length\":28,"
                + "\"parts\":1,\"partial\":false}"},
            {"sms.delivery_report", "{\"reference\":5,\"recipient\":\"+***0100\",\"status\":\"delivered\","
                + "\"message_id\":null}",
                "{\"reference\":5,\"recipient\":\"+15550100100\",\"status\":\"delivered\",\"message_id\":null}"},
            {"sms.queued", "{\"message_id\":\"1\",\"recipient\":\"+***0100\",\"parts\":1}",
                "{\"message_id\":\"1\",\"recipient\":\"+15550100100\",\"parts\":1}"},
            {"sms.sent", "{\"recipient\":\"+***0100\",\"reference\":9,\"parts\":1,\"message_id\":\"1\"}",
                "{\"recipient\":\"+15550100100\",\"reference\":9,\"parts\":1,\"message_id\":\"1\"}"},
            {"call.state", "{\"state\":\"ringing\"}", "{\"state\":\"ringing\"}"},
            {"call.ring", "{}", "{}"},
            {"call.caller_id", "{\"number\":\"+***0123\"}", "{\"number\":\"+447700900123\"}"},
            {"call.dtmf", "{\"digit\":\"[redacted]\"}", "{\"digit\":\"7\"}"},
            {"modem.state", "{\"connected\":false}", "{\"connected\":false}"},
            {"modem.state", "{\"connected\":true}", "{\"connected\":true}"},
            {"signal.quality", "{\"rssi\":99,\"ber\":99,\"dbm\":null}", "{\"rssi\":99,\"ber\":99,\"dbm\":null}"},
            {"ussd.response",
                "{\"status\":0,\"encoding\":\"gsm7\",\"message\":\"[redacted]\",\"message_length\":17}",
                "{\"status\":0,\"encoding\":\"gsm7\",\"message\":\"Balance 12.34 EUR\",\"message_length\":17}"},
        };
        long previousId = 0;
        for (String[] row : expected) {
            JsonNode r = redacted.nextJson();
            JsonNode c = content.nextJson();
            assertThat(r.get("type").asText()).isEqualTo(row[0]);
            assertThat(c.get("type").asText()).isEqualTo(row[0]);
            assertThat(r.get("id").asLong()).isGreaterThan(previousId).isEqualTo(c.get("id").asLong());
            previousId = r.get("id").asLong();
            String timestamp = r.get("timestamp").asText();
            assertThat(timestamp).matches(MILLIS_UTC).isEqualTo(c.get("timestamp").asText());
            for (JsonNode view : List.of(r, c)) {
                ObjectNode data = (ObjectNode) view.get("data");
                if (row[0].equals("sms.received")) {
                    assertThat(data.remove("received_at").asText()).isEqualTo(timestamp);
                    assertThat(data.remove("smsc_timestamp").asText()).matches(MILLIS_UTC);
                } else if (row[0].equals("sms.delivery_report")) {
                    assertThat(data.remove("timestamp").asText()).isEqualTo(timestamp);
                }
            }
            if (!row[0].equals("ussd.response")) {
                assertThat(r.get("data")).as(row[0]).isEqualTo(TestServer.JSON.readTree(row[1]));
                assertThat(c.get("data")).as(row[0]).isEqualTo(TestServer.JSON.readTree(row[2]));
            } else {
                assertThat(r.get("data").get("message").asText()).isEqualTo("[redacted]");
                assertThat(r.get("data").get("message_length").asInt()).isEqualTo(17);
                assertThat(c.get("data").get("message").asText()).isEqualTo("Balance 12.34 EUR");
                assertThat(r.get("data").get("status").asInt()).isZero();
            }
        }
        assertThat(redacted.poll()).isNull();
    }

    @Test
    void aSelectionFiltersEvents() throws Exception {
        WsClient client = connect("/ws?events=%20signal.quality%20,,sms.received,signal.quality", PLAIN_KEY);
        assertThat(client.nextJson().get("selected_events")).isEqualTo(
                TestServer.JSON.readTree("[\"signal.quality\",\"sms.received\"]"));
        server.modem.ring("+447700900123");
        server.modem.receiveSms(NUMBER, BODY);
        server.modem.callState(CallState.ENDED);
        server.modem.signal(20, 0);
        assertThat(client.nextJson().get("type").asText()).isEqualTo("sms.received");
        JsonNode signal = client.nextJson();
        assertThat(signal.get("type").asText()).isEqualTo("signal.quality");
        assertThat(signal.get("data").get("dbm").asInt()).isEqualTo(-73);
        assertThat(client.poll()).isNull();
    }

    @Test
    void clientTextFramesAreIgnored() {
        WsClient client = connect("/ws", PLAIN_KEY);
        client.next();
        client.socket().sendText("{\"type\":\"subscribe\"}", true).join();
        server.modem.signal(10, 0);
        assertThat(client.nextJson().get("type").asText()).isEqualTo("signal.quality");
    }

    @Test
    void binaryFramesCloseWith1003() {
        WsClient client = connect("/ws", PLAIN_KEY);
        client.next();
        client.socket().sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).join();
        assertThat(client.awaitClose(TestServer.TIMEOUT).code()).isEqualTo(1003);
        await().atMost(TestServer.TIMEOUT).until(() -> server.server.realtimeClients() == 0);
    }

    @Test
    void framesOverTheLimitCloseWith1009() {
        WsClient client = connect("/ws", PLAIN_KEY);
        client.next();
        client.socket().sendText("x".repeat(65 * 1024), true);
        assertThat(client.awaitClose(TestServer.TIMEOUT).code()).isEqualTo(1009);
        await().atMost(TestServer.TIMEOUT).until(() -> server.server.realtimeClients() == 0);
    }

    @Test
    void framesBehindTheOneThatStartsTheCloseGetNoSecondCloseFrame() throws Exception {
        try (RawConnection raw = new RawConnection(server.port)) {
            raw.write("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + PLAIN_KEY + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
            assertThat(raw.readResponse(false).status()).isEqualTo(101);
            assertThat(raw.readFrame().opcode()).as("hello").isEqualTo(RawConnection.Frame.TEXT);
            // One write, so the frames behind the binary one reach the server in the same read.
            ByteArrayOutputStream frames = new ByteArrayOutputStream();
            frames.writeBytes(RawConnection.clientFrame(RawConnection.Frame.BINARY, new byte[] {1, 2, 3}));
            frames.writeBytes(RawConnection.clientFrame(RawConnection.Frame.TEXT, "{}".getBytes(UTF_8)));
            frames.writeBytes(RawConnection.clientFrame(RawConnection.Frame.BINARY, new byte[] {4, 5, 6}));
            raw.write(frames.toByteArray());
            List<RawConnection.Frame> answered = new ArrayList<>();
            for (RawConnection.Frame frame = raw.readFrame(); frame != null; frame = raw.readFrame()) {
                answered.add(frame);
            }
            assertThat(answered).extracting(RawConnection.Frame::opcode).containsExactly(RawConnection.Frame.CLOSE);
            assertThat(answered.get(0).closeCode()).isEqualTo(1003);
        }
        await().atMost(TestServer.TIMEOUT).until(() -> server.server.realtimeClients() == 0);
        assertThat(server.get("/healthz", PLAIN_KEY).statusCode()).isEqualTo(200);
    }

    // ---------------------------------------------------------------------------------------- flow and cleanup

    @Test
    void stalledClientDoesNotDelayOthersAndLearnsWhatItMissed() {
        try (TestServer small = TestServer.start(b -> b.wsQueueCapacity(8))) {
            WsClient stalled = WsClient.connect(small, "/ws?events=sms.received", CONTENT_KEY, false);
            WsClient live = WsClient.connect(small, "/ws?events=sms.received", CONTENT_KEY);
            clients.add(stalled);
            clients.add(live);
            assertThat(stalled.nextJson().get("type").asText()).isEqualTo("hello");
            assertThat(live.nextJson().get("type").asText()).isEqualTo("hello");
            // Large bodies fill the stalled client's socket buffers quickly; the live client reads each batch.
            String body = "b".repeat(16 * 1024);
            int published = 0;
            long lastId = 0;
            while (published < 20_000 && (published < 64 || small.metric("callstack_websocket_envelopes_dropped_total") < 1)) {
                for (int i = 0; i < 8; i++) {
                    small.modem.receiveSms(NUMBER, body);
                    published++;
                }
                for (int i = 0; i < 8; i++) {
                    JsonNode event = live.nextJson();
                    assertThat(event.get("type").asText()).isEqualTo("sms.received");
                    assertThat(event.get("id").asLong()).isGreaterThan(lastId);
                    lastId = event.get("id").asLong();
                }
            }
            // A few more after the first drop, so the overflow covers several events.
            for (int i = 0; i < 16; i++) {
                small.modem.receiveSms(NUMBER, body);
                published++;
                long id = live.nextJson().get("id").asLong();
                assertThat(id).isGreaterThan(lastId);
                lastId = id;
            }
            assertThat(small.metric("callstack_websocket_envelopes_dropped_total")).isGreaterThan(0);

            // The stalled client reads again: events, then one overflow notice right before the newest ones.
            stalled.request(Long.MAX_VALUE);
            long received = 0;
            long dropped = 0;
            long previous = 0;
            boolean sawOverflow = false;
            List<String> trace = new ArrayList<>();
            while (received + dropped < published) {
                JsonNode message = stalled.nextJson();
                trace.add(message.has("id") ? message.get("id").asText() : "overflow:" + message.get("dropped"));
                if (message.get("type").asText().equals("overflow")) {
                    assertThat(message.get("version").asInt()).isEqualTo(1);
                    dropped += message.get("dropped").asLong();
                    sawOverflow = true;
                } else {
                    assertThat(message.get("type").asText()).isEqualTo("sms.received");
                    assertThat(message.get("id").asLong()).isGreaterThan(previous);
                    previous = message.get("id").asLong();
                    received++;
                }
            }
            assertThat(sawOverflow).isTrue();
            assertThat(dropped).isPositive();
            assertThat(received + dropped).isEqualTo(published);
            assertThat(previous).as("trace %s", trace).isEqualTo(lastId);
        }
    }

    @Test
    void eventsFromConcurrentPublishersArriveInIdOrderAndComplete() throws Exception {
        try (TestServer roomy = TestServer.start(b -> b.wsQueueCapacity(10_000))) {
            WsClient first = WsClient.connect(roomy, "/ws?events=signal.quality", PLAIN_KEY);
            WsClient second = WsClient.connect(roomy, "/ws?events=signal.quality", CONTENT_KEY);
            clients.add(first);
            clients.add(second);
            first.next();
            second.next();
            int published = roomy.publishSignalsConcurrently(3, 1500);
            for (WsClient client : List.of(first, second)) {
                client.assertSignalIdsIncrease(published);
            }
            assertThat(roomy.metric("callstack_websocket_envelopes_dropped_total")).isZero();
        }
    }

    @Test
    void disconnectedClientsLeaveNothingBehind() {
        int baseline = server.modem.events().subscriberCount();
        List<WsClient> group = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            WsClient client = connect("/ws", i % 2 == 0 ? PLAIN_KEY : CONTENT_KEY);
            client.next();
            group.add(client);
        }
        assertThat(server.server.realtimeClients()).isEqualTo(5);
        assertThat(server.metric("callstack_websocket_clients")).isEqualTo(5.0);
        group.get(0).socket().sendClose(1000, "bye").join();
        group.get(1).socket().abort();
        group.get(2).socket().sendClose(1000, "bye").join();
        group.get(3).socket().abort();
        group.get(4).socket().sendClose(1001, "going").join();
        await().atMost(TestServer.TIMEOUT).until(() -> server.server.realtimeClients() == 0);
        assertThat(server.metric("callstack_websocket_clients")).isEqualTo(0.0);
        assertThat(server.modem.events().subscriberCount()).isEqualTo(baseline);
        server.modem.signal(5, 0); // publishing to nobody is fine
        assertThat(server.server.realtimeClients()).isZero();
    }

    @Test
    void idleClientsArePingedAndStayConnectedWhileTheyAnswer() {
        // The client's pong (and, before that, its upgrade request) must reach the server within one idle period,
        // or the connection is closed and the test fails: 2 s leaves room for a thread stalled by a loaded machine.
        // Two pings prove a whole period went by after an answered ping without a close.
        try (TestServer pinging = TestServer.start(b -> b.idleTimeout(Duration.ofSeconds(2)))) {
            WsClient client = WsClient.connect(pinging, "/ws", PLAIN_KEY);
            clients.add(client);
            client.next();
            await().atMost(TestServer.TIMEOUT).until(() -> client.pings.get() >= 2);
            assertThat(client.closed).isNotDone();
            pinging.modem.signal(11, 0);
            assertThat(client.nextJson().get("type").asText()).isEqualTo("signal.quality");
        }
    }

    @Test
    void clientsThatStopAnsweringPingsAreClosed() {
        // The idle timer also closes an HTTP connection whose request is late, so the period must outlast the
        // client's upgrade on a loaded machine; the close comes after two periods.
        try (TestServer pinging = TestServer.start(b -> b.idleTimeout(Duration.ofSeconds(1)))) {
            WsClient deaf = WsClient.connect(pinging, "/ws", PLAIN_KEY, false);
            clients.add(deaf);
            deaf.next(); // the hello; no more demand, so pings are never read or answered
            await().atMost(TestServer.TIMEOUT).until(() -> pinging.server.realtimeClients() == 0);
        }
    }

    @Test
    void shutdownClosesWebSocketsWith1001() {
        TestServer closing = TestServer.start();
        WsClient client = WsClient.connect(closing, "/ws", PLAIN_KEY);
        clients.add(client);
        client.next();
        closing.close();
        WsClient.Closed closed = client.awaitClose(TestServer.TIMEOUT);
        assertThat(closed.code()).isEqualTo(1001);
    }

    @Test
    void permessageDeflateCanBeEnabled() {
        try (TestServer deflating = TestServer.start(b -> b.permessageDeflate(true))) {
            WsClient client = WsClient.connect(deflating, "/ws", PLAIN_KEY);
            clients.add(client);
            assertThat(client.nextJson().get("type").asText()).isEqualTo("hello");
            deflating.modem.signal(3, 0);
            assertThat(client.nextJson().get("type").asText()).isEqualTo("signal.quality");
        }
    }
}
