package dev.callstack.server;

import static dev.callstack.server.TestServer.CONTENT_KEY;
import static dev.callstack.server.TestServer.PLAIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The realtime write path (one write task per event loop, one buffer and one flush per client per batch) against
 * the real server on every transport this machine has: order from concurrent publishers over both loops, a stalled
 * client next to a live one, permessage-deflate and plain clients side by side, clients leaving and the server
 * shutting down in the middle of a fan-out.
 */
@ExtendWith(NoPiiInLogs.class)
class FanOutWriteTest {
    private static final String NUMBER = "+15550100100";
    private final List<WsClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(WsClient::close);
    }

    static List<ServerTransport> transports() {
        return TransportTest.availableTransports();
    }

    private WsClient connect(TestServer server, String path, String key, boolean autoRequest) {
        WsClient client = WsClient.connect(server, path, key, autoRequest);
        clients.add(client);
        assertThat(client.nextJson().get("type").asText()).isEqualTo("hello");
        return client;
    }

    @ParameterizedTest
    @MethodSource("transports")
    void clientsOnBothLoopsGetEveryEventOfConcurrentPublishersInIdOrder(ServerTransport transport) throws Exception {
        try (TestServer server = TestServer.start(b -> b.transport(transport).wsQueueCapacity(10_000))) {
            List<WsClient> group = new ArrayList<>();
            for (int i = 0; i < 12; i++) { // two I/O threads: six clients share each loop's write task
                group.add(connect(server, "/ws?events=signal.quality", i % 2 == 0 ? PLAIN_KEY : CONTENT_KEY, true));
            }
            int published = server.publishSignalsConcurrently(3, 500);
            for (WsClient client : group) {
                client.assertSignalIdsIncrease(published);
            }
            assertThat(server.metric("callstack_websocket_envelopes_dropped_total")).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void aStalledClientDropsOldestWhileALiveOneGetsEverything(ServerTransport transport) {
        try (TestServer server = TestServer.start(b -> b.transport(transport).wsQueueCapacity(8))) {
            WsClient stalled = connect(server, "/ws?events=sms.received", CONTENT_KEY, false);
            WsClient live = connect(server, "/ws?events=sms.received", CONTENT_KEY, true);
            String body = "b".repeat(16 * 1024); // fills the stalled client's socket buffers and hand-over quickly
            int published = 0;
            long lastId = 0;
            while (published < 20_000
                    && (published < 64 || server.metric("callstack_websocket_envelopes_dropped_total") < 1)) {
                server.modem.receiveSms(NUMBER, body);
                published++;
                long id = live.nextJson().get("id").asLong();
                assertThat(id).isGreaterThan(lastId);
                lastId = id;
            }
            assertThat(server.metric("callstack_websocket_envelopes_dropped_total")).isPositive();

            stalled.request(Long.MAX_VALUE);
            long received = 0;
            long dropped = 0;
            long previous = 0;
            while (received + dropped < published) {
                JsonNode message = stalled.nextJson();
                if (message.get("type").asText().equals("overflow")) {
                    dropped += message.get("dropped").asLong();
                } else {
                    assertThat(message.get("id").asLong()).isGreaterThan(previous);
                    previous = message.get("id").asLong();
                    received++;
                }
            }
            assertThat(dropped).isPositive();
            assertThat(received + dropped).isEqualTo(published);
            assertThat(previous).isEqualTo(lastId);
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void deflateAndPlainClientsOnOneServerGetTheSameEvents(ServerTransport transport) throws Exception {
        try (TestServer server = TestServer.start(b -> b.transport(transport).permessageDeflate(true)
                .wsQueueCapacity(1000));
             RawConnection deflating = new RawConnection(server.port)) {
            deflating.write("GET /ws?events=signal.quality HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Extensions: permessage-deflate\r\n"
                    + "Authorization: Bearer " + PLAIN_KEY + "\r\n\r\n");
            RawConnection.Response upgrade = deflating.readResponse(false);
            assertThat(upgrade.status()).isEqualTo(101);
            assertThat(upgrade.headers().get("sec-websocket-extensions")).startsWith("permessage-deflate");
            Inflater inflater = new Inflater(true);
            assertThat(TestServer.JSON.readTree(inflate(inflater, deflating.readFrame())).get("type").asText())
                    .isEqualTo("hello");
            WsClient plain = connect(server, "/ws?events=signal.quality", PLAIN_KEY, true);

            int events = 200;
            for (int i = 0; i < events; i++) {
                server.modem.signal(i % 32, 0);
            }
            long previous = 0;
            for (int i = 0; i < events; i++) {
                JsonNode compressed = TestServer.JSON.readTree(inflate(inflater, deflating.readFrame()));
                JsonNode uncompressed = plain.nextJson();
                assertThat(compressed).isEqualTo(uncompressed);
                assertThat(compressed.get("id").asLong()).isGreaterThan(previous);
                previous = compressed.get("id").asLong();
            }
        }
    }

    /** RFC 7692 §7.2.2: append the empty block's tail, inflate with the connection's sliding window. */
    private static String inflate(Inflater inflater, RawConnection.Frame frame) throws DataFormatException {
        assertThat(frame.opcode()).isEqualTo(RawConnection.Frame.TEXT);
        assertThat(frame.rsv1()).as("compressed").isTrue();
        byte[] payload = frame.payload();
        byte[] input = new byte[payload.length + 4];
        System.arraycopy(payload, 0, input, 0, payload.length);
        input[payload.length + 2] = (byte) 0xFF;
        input[payload.length + 3] = (byte) 0xFF;
        inflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        while (!inflater.needsInput()) {
            out.write(chunk, 0, inflater.inflate(chunk));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @MethodSource("transports")
    void clientsLeavingMidFanOutDoNotDisturbTheOthers(ServerTransport transport) throws Exception {
        try (TestServer server = TestServer.start(b -> b.transport(transport).wsQueueCapacity(10_000))) {
            List<WsClient> staying = new ArrayList<>();
            List<WsClient> leaving = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                (i % 2 == 0 ? staying : leaving).add(connect(server, "/ws?events=signal.quality", PLAIN_KEY, true));
            }
            int events = 2000;
            Thread publisher = new Thread(() -> {
                for (int i = 0; i < events; i++) {
                    server.modem.signal(i % 32, 0);
                }
            });
            publisher.start();
            for (WsClient client : leaving) {
                client.socket().abort(); // resets the TCP connection while batches for it are in flight
            }
            publisher.join();
            for (WsClient client : staying) {
                long previous = 0;
                for (int i = 0; i < events; i++) {
                    long id = client.nextJson().get("id").asLong();
                    assertThat(id).isGreaterThan(previous);
                    previous = id;
                }
            }
            await().atMost(TestServer.TIMEOUT).until(() -> server.server.realtimeClients() == staying.size());
            assertThat(server.get("/healthz", PLAIN_KEY).statusCode()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void shutdownMidFanOutSendsTheCloseAfterEverythingHandedOver(ServerTransport transport) throws Exception {
        TestServer server = TestServer.start(b -> b.transport(transport).wsQueueCapacity(10_000));
        List<WsClient> group = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            group.add(connect(server, "/ws?events=signal.quality", PLAIN_KEY, true));
        }
        int events = 100; // well under the 64 KiB hand-over mark: all of them are handed over, none wait in the hub
        for (int i = 0; i < events; i++) {
            server.modem.signal(i % 32, 0);
        }
        server.close();
        for (WsClient client : group) {
            // The close went through the same write task, behind the events: all arrive, then the 1001.
            long previous = 0;
            for (int i = 0; i < events; i++) {
                long id = client.nextJson().get("id").asLong();
                assertThat(id).isGreaterThan(previous);
                previous = id;
            }
            assertThat(client.awaitClose(TestServer.TIMEOUT).code()).isEqualTo(1001);
        }
    }
}
