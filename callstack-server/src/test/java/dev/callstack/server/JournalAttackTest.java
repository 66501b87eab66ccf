package dev.callstack.server;

import static dev.callstack.server.TestServer.PLAIN_KEY;
import static dev.callstack.server.TestServer.READ_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile cursors, limits and filters on {@code GET /events} and {@code /ws?since=}: 400 JSON, never 500 or a hang. */
@ExtendWith(NoPiiInLogs.class)
class JournalAttackTest {
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
        for (int i = 0; i < 3; i++) {
            server.modem.dtmf('1');
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"since=9223372036854775807", "since=9223372036854775808", "since=-0", "since=+1",
        "since=0x1", "since=1e2", "since=%00", "since=1&since=2", "since=%E2%80%8B1", "limit=-1", "limit=1e3",
        "limit=99999999999999999999", "limit=1&limit=2", "events=", "events=,", "events=sms.received,bogus",
        "events=%00", "events=" + "sms.received,", "since=0&limit=1000&events=call.dtmf"})
    void hostileEventQueriesAre400Or200(String query) {
        HttpResponse<String> response = server.get("/events?" + query, PLAIN_KEY);

        assertThat(response.statusCode()).as(query + " -> " + response.body()).isIn(200, 400);
        TestServer.json(response);
    }

    @Test
    void aVeryLongFilterIsRefusedNotParsedForever() {
        String events = "call.dtmf,".repeat(500) + "call.dtmf";
        HttpResponse<String> response = server.get("/events?events=" + events, READ_KEY);

        assertThat(response.statusCode()).as(response.body()).isIn(200, 400, 414, 431);
    }

    @Test
    void hostileResumeCursorsRefuseTheUpgradeWith400() {
        for (String path : List.of("/ws?since=9223372036854775807", "/ws?since=99999999999999999999",
                "/ws?since=%00", "/ws?since=", "/ws?since=1e2", "/ws?since=0x1", "/ws?since=1&events=bogus")) {
            Throwable refused = WsClient.connectFailure(server, path, PLAIN_KEY);
            assertThat(refused).as(path).isInstanceOf(WebSocketHandshakeException.class);
            assertThat(((WebSocketHandshakeException) refused).getResponse().statusCode()).as(path).isEqualTo(400);
        }
        assertThat(server.server.realtimeClients()).isZero();
        // The server still serves: a valid resume works after all of them.
        try (WsClient ok = WsClient.connect(server, "/ws?since=1", PLAIN_KEY)) {
            assertThat(ok.nextJson().get("last_id").asLong()).isEqualTo(3);
            assertThat(ok.nextJson().get("id").asLong()).isEqualTo(2);
        }
    }
}
