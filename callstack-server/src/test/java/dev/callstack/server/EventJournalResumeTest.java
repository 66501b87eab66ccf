package dev.callstack.server;

import static dev.callstack.server.TestServer.CONTENT_KEY;
import static dev.callstack.server.TestServer.PLAIN_KEY;
import static dev.callstack.server.TestServer.assertJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 §2 against the real server: every event is journaled in SQLite before fan-out, {@code /ws?since=} replays
 * what a client missed and continues live without gap or duplicate, ids keep increasing across a restart on the same
 * file, retention leads to a {@code resync}, and {@code GET /events} serves the same journal.
 */
@ExtendWith(NoPiiInLogs.class)
class EventJournalResumeTest {
    private static final String NUMBER = "+15550100100";
    private static final String BODY = "Meet me at the secret garden";

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private TestServer server(Consumer<CallstackServerBuilder> customize) {
        TestServer server = TestServer.start(customize);
        open.add(server);
        return server;
    }

    private WsClient connect(TestServer server, String path, String key) {
        WsClient client = WsClient.connect(server, path, key);
        open.add(client);
        return client;
    }

    /**
     * Publishes {@code count} DTMF events and waits until they are out of the hub's journal writer (stored, then
     * fanned out): publishing returns before that, since the writer commits on its own thread.
     */
    private static void dtmf(TestServer server, int count) {
        long before = fannedOut(server);
        for (int i = 0; i < count; i++) {
            server.modem.dtmf((char) ('0' + i % 10));
        }
        await().atMost(TestServer.TIMEOUT).until(() -> fannedOut(server) >= before + count);
    }

    /** The newest id fanned out, as a fresh client's hello names it. */
    private static long fannedOut(TestServer server) {
        try (WsClient probe = WsClient.connect(server, "/ws", PLAIN_KEY)) {
            return probe.nextJson().get("last_id").asLong();
        }
    }

    private static List<Long> ids(WsClient client, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(client.nextJson().get("id").asLong());
        }
        return ids;
    }

    private static List<Long> eventIds(JsonNode events) {
        List<Long> ids = new ArrayList<>();
        events.forEach(event -> ids.add(event.get("id").asLong()));
        return ids;
    }

    private static List<Long> range(long first, long last) {
        List<Long> ids = new ArrayList<>();
        for (long id = first; id <= last; id++) {
            ids.add(id);
        }
        return ids;
    }

    @Test
    void helloCarriesLastIdAndAResumedClientGetsExactlyWhatItMissedThenLiveEvents() {
        TestServer server = server(b -> { });
        WsClient first = connect(server, "/ws", PLAIN_KEY);
        assertThat(first.nextJson().get("last_id").asLong()).isZero();
        dtmf(server, 3);
        assertThat(ids(first, 3)).containsExactly(1L, 2L, 3L);
        first.close();
        dtmf(server, 4);

        WsClient resumed = connect(server, "/ws?since=3", PLAIN_KEY);
        JsonNode hello = resumed.nextJson();
        assertThat(hello.get("type").asText()).isEqualTo("hello");
        assertThat(hello.get("last_id").asLong()).isEqualTo(7);
        assertThat(ids(resumed, 4)).containsExactly(4L, 5L, 6L, 7L);
        dtmf(server, 1);
        JsonNode live = resumed.nextJson();
        assertThat(live.get("type").asText()).isEqualTo("call.dtmf");
        assertThat(live.get("id").asLong()).isEqualTo(8);
        assertThat(resumed.poll()).as("nothing twice").isNull();
    }

    @Test
    void idsKeepIncreasingAcrossARestartOnTheSameFileAndTheOldEventsReplay() {
        Path db = dir.resolve("callstack.db");
        TestServer before = server(b -> b.quotaDatabase(db));
        dtmf(before, 3);
        before.close();

        TestServer after = server(b -> b.quotaDatabase(db));
        WsClient live = connect(after, "/ws", PLAIN_KEY);
        assertThat(live.nextJson().get("last_id").asLong()).isEqualTo(3);
        dtmf(after, 1);
        assertThat(live.nextJson().get("id").asLong()).isEqualTo(4);

        WsClient resumed = connect(after, "/ws?since=0", PLAIN_KEY);
        resumed.next();
        assertThat(ids(resumed, 4)).containsExactly(1L, 2L, 3L, 4L);
    }

    /**
     * The replay of 5 000 stored events runs while 1 000 more are published: the client joins the fan-out before the
     * replay starts, so every event reaches it once, in order, with no gap at the seam.
     */
    @Test
    void eventsPublishedDuringALongReplayArriveOnceInOrderWithoutGap() throws Exception {
        TestServer server = server(b -> b.quotaDatabase(dir.resolve("replay.db")).wsQueueCapacity(5_000));
        dtmf(server, 5_000);
        WsClient resumed = connect(server, "/ws?since=0", PLAIN_KEY);
        CompletableFuture<Void> publisher = CompletableFuture.runAsync(() -> dtmf(server, 1_000));
        assertThat(resumed.nextJson().get("type").asText()).isEqualTo("hello");
        List<Long> received = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            JsonNode message = resumed.nextJson();
            assertThat(message.get("type").asText()).as("message %d", i).isEqualTo("call.dtmf");
            received.add(message.get("id").asLong());
        }
        publisher.get(TestServer.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(received).isEqualTo(range(1, 6_000));
        assertThat(resumed.poll()).isNull();
    }

    @Test
    void replayHonoursTheEventFilterAndTheKeysView() {
        TestServer server = server(b -> { });
        server.modem.receiveSms(NUMBER, BODY);
        dtmf(server, 2);
        server.modem.receiveSms(NUMBER, BODY);

        WsClient redacted = connect(server, "/ws?since=0&events=sms.received", PLAIN_KEY);
        WsClient content = connect(server, "/ws?since=0&events=sms.received", CONTENT_KEY);
        redacted.next();
        content.next();
        for (long id : List.of(1L, 4L)) {
            JsonNode r = redacted.nextJson();
            JsonNode c = content.nextJson();
            assertThat(r.get("id").asLong()).isEqualTo(id);
            assertThat(c.get("id").asLong()).isEqualTo(id);
            assertThat(r.get("data").get("sender").asText()).isEqualTo("+***0100");
            assertThat(r.get("data").get("body").asText()).isEqualTo("[redacted]");
            assertThat(c.get("data").get("sender").asText()).isEqualTo(NUMBER);
            assertThat(c.get("data").get("body").asText()).isEqualTo(BODY);
        }
        dtmf(server, 1);
        server.modem.receiveSms(NUMBER, BODY);
        assertThat(redacted.nextJson().get("id").asLong()).isEqualTo(6);

        HttpResponse<String> polled = server.get("/events?since=0&events=sms.received", PLAIN_KEY);
        JsonNode page = TestServer.json(polled);
        assertThat(eventIds(page.get("events"))).containsExactly(1L, 4L, 6L);
        assertThat(polled.body()).doesNotContain(BODY).doesNotContain(NUMBER);
        assertThat(TestServer.json(server.get("/events?since=0&events=sms.received", CONTENT_KEY))
                .get("events").get(0).get("data").get("body").asText()).isEqualTo(BODY);
    }

    @Test
    void aCursorOlderThanRetentionGetsResyncThenTheOldestKeptEvents() {
        TestServer server = server(b -> b.journalRetention(Duration.ZERO, 10));
        dtmf(server, 30);
        await().atMost(TestServer.TIMEOUT).until(
                () -> TestServer.json(server.get("/events", PLAIN_KEY)).get("oldest_id").asLong() > 1);
        JsonNode page = TestServer.json(server.get("/events?since=1&limit=1000", PLAIN_KEY));
        long oldest = page.get("oldest_id").asLong();
        assertThat(page.get("resync").asBoolean()).isTrue();
        assertThat(page.get("last_id").asLong()).isEqualTo(30);
        assertThat(page.get("events").get(0).get("id").asLong()).isEqualTo(oldest);

        WsClient resumed = connect(server, "/ws?since=1", PLAIN_KEY);
        resumed.next();
        JsonNode resync = resumed.nextJson();
        assertThat(resync.get("type").asText()).isEqualTo("resync");
        long announced = resync.get("oldest").asLong();
        assertThat(announced).isGreaterThan(2);
        assertThat(ids(resumed, (int) (31 - announced))).isEqualTo(range(announced, 30));

        // A cursor inside what is kept gets no resync.
        WsClient current = connect(server, "/ws?since=29", PLAIN_KEY);
        current.next();
        assertThat(current.nextJson().get("id").asLong()).isEqualTo(30);
    }

    @Test
    void getEventsPagesThroughTheJournal() {
        TestServer server = server(b -> { });
        dtmf(server, 25);
        JsonNode first = TestServer.json(server.get("/events?limit=10", PLAIN_KEY));
        assertThat(eventIds(first.get("events"))).isEqualTo(range(1, 10));
        assertThat(first.get("last_id").asLong()).isEqualTo(25);
        assertThat(first.get("oldest_id").asLong()).isEqualTo(1);
        assertThat(first.get("next_since").asLong()).isEqualTo(10);
        assertThat(first.has("resync")).isFalse();
        JsonNode second = TestServer.json(server.get("/events?since=10&limit=10", PLAIN_KEY));
        assertThat(eventIds(second.get("events"))).isEqualTo(range(11, 20));
        JsonNode last = TestServer.json(server.get("/events?since=20", TestServer.READ_KEY));
        assertThat(eventIds(last.get("events"))).isEqualTo(range(21, 25));
        assertThat(last.get("next_since").asLong()).isEqualTo(25);
        JsonNode filtered = TestServer.json(server.get("/events?since=0&events=sms.received", PLAIN_KEY));
        assertThat(eventIds(filtered.get("events"))).isEmpty();
        assertThat(filtered.get("next_since").asLong()).as("a filter that matched nothing still moves on")
                .isEqualTo(25);
    }

    @Test
    void invalidCursorsAndLimitsAre400BeforeAnything() {
        TestServer server = server(b -> { });
        dtmf(server, 2);
        for (String query : List.of("since=-1", "since=abc", "since=", "since=1.5", "since=99999999999999999999")) {
            assertJson(server.get("/events?" + query, PLAIN_KEY), 400, "{\"error\":\"invalid 'since'\"}");
        }
        assertJson(server.get("/events?since=3", PLAIN_KEY), 400,
                "{\"error\":\"'since' is after the newest event id\"}");
        for (String query : List.of("limit=0", "limit=1001", "limit=x")) {
            assertJson(server.get("/events?" + query, PLAIN_KEY), 400, "{\"error\":\"invalid 'limit'\"}");
        }
        assertThat(server.get("/events?events=bogus", PLAIN_KEY).statusCode()).isEqualTo(400);
        assertThat(server.get("/events", null).statusCode()).isEqualTo(401);

        for (String path : List.of("/ws?since=-1", "/ws?since=x", "/ws?since=3", "/ws?since=1&since=2")) {
            Throwable refused = WsClient.connectFailure(server, path, PLAIN_KEY);
            assertThat(refused).as(path).isInstanceOf(WebSocketHandshakeException.class);
            assertThat(((WebSocketHandshakeException) refused).getResponse().statusCode()).as(path).isEqualTo(400);
        }
        HttpResponse<String> refused = server.send(server.request("/ws?since=x", PLAIN_KEY)
                .header("Connection", "Upgrade").header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "13").header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .GET().build());
        assertJson(refused, 400, "{\"error\":\"invalid 'since'\"}");
        assertThat(server.server.realtimeClients()).isZero();
        // At the newest id a resume is valid and replays nothing.
        WsClient upToDate = connect(server, "/ws?since=2", PLAIN_KEY);
        assertThat(upToDate.nextJson().get("last_id").asLong()).isEqualTo(2);
        dtmf(server, 1);
        assertThat(upToDate.nextJson().get("id").asLong()).isEqualTo(3);
    }
}
