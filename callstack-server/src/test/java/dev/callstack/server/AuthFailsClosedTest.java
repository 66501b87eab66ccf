package dev.callstack.server;

import static dev.callstack.server.TestServer.PLAIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callstack.testkit.FakeModem;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 11 §2: authentication is decided from the headers alone, and the server does not start without keys. */
@ExtendWith(NoPiiInLogs.class)
class AuthFailsClosedTest {
    private static final String SEND = String.join("\r\n", "POST /sms/send HTTP/1.1", "Host: 127.0.0.1",
            "Content-Type: application/json", "");
    private static final String WRONG_KEY = "wrong-key-wrong-key";
    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Authorization: Bearer " + WRONG_KEY + "\r\n"})
    void aRefusedRequestIsAnsweredBeforeItsAnnouncedBodyArrives(String authorization) throws Exception {
        int sentBefore = server.modem.sentSms().size();
        try (RawConnection raw = new RawConnection(server.port)) {
            raw.write(SEND + authorization + "Content-Length: 60000\r\n\r\n"); // and no body, ever
            RawConnection.Response response = raw.readResponse(false);
            assertThat(response.status()).isIn(401, 403);
            assertThat(response.headers()).containsEntry("connection", "close");
            assertThat(raw.atEndOfStream()).isTrue();
        }
        assertThat(server.modem.sentSms()).hasSize(sentBefore);
    }

    @Test
    void expectContinueWithABadKeyGetsTheRefusalNotContinue() throws Exception {
        try (RawConnection raw = new RawConnection(server.port)) {
            raw.write(SEND + "Authorization: Bearer " + WRONG_KEY + "\r\nExpect: 100-continue\r\n"
                    + "Content-Length: 40\r\n\r\n");
            RawConnection.Response response = raw.readResponse(false);
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.body()).isEqualTo("{\"error\":\"Invalid API key.\"}");
        }
    }

    @Test
    void expectContinueWithAGoodKeyStillGetsContinue() throws Exception {
        String body = "{\"to\":\"+15550100100\",\"body\":\"hi\"}";
        try (RawConnection raw = new RawConnection(server.port)) {
            raw.write(SEND + "Authorization: Bearer " + PLAIN_KEY + "\r\nExpect: 100-continue\r\nContent-Length: "
                    + body.length() + "\r\n\r\n");
            assertThat(raw.readResponse(true).status()).isEqualTo(100);
            raw.write(body);
            assertThat(raw.readResponse(false).status()).isEqualTo(202);
        }
    }

    @Test
    void aRefusedRequestWithoutBodyKeepsTheConnectionForTheNextRequest() throws Exception {
        try (RawConnection raw = new RawConnection(server.port)) {
            raw.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + WRONG_KEY + "\r\n\r\n"
                    + "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + PLAIN_KEY + "\r\n\r\n");
            assertThat(raw.readResponse(false).status()).isEqualTo(403);
            assertThat(raw.readResponse(false).status()).isEqualTo(200);
        }
    }

    @Test
    void twoAuthorizationHeadersAre400() throws Exception {
        try (RawConnection raw = new RawConnection(server.port)) {
            raw.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + PLAIN_KEY
                    + "\r\nAuthorization: Bearer " + WRONG_KEY + "\r\n\r\n");
            RawConnection.Response response = raw.readResponse(false);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).isEqualTo("{\"error\":\"more than one Authorization header\"}");
        }
    }

    @Test
    void aBlockedAddressIsAnswered429WithoutReadingTheBody() throws Exception {
        try (TestServer guarded = TestServer.start(b -> b.authFailureLimit(1, Duration.ofHours(1)))) {
            assertThat(guarded.get("/healthz", WRONG_KEY).statusCode()).isEqualTo(403);
            try (RawConnection raw = new RawConnection(guarded.port)) {
                raw.write(SEND + "Authorization: Bearer " + PLAIN_KEY + "\r\nContent-Length: 60000\r\n\r\n");
                assertThat(raw.readResponse(false).status()).isEqualTo(429);
            }
            assertThat(guarded.modem.sentSms()).isEmpty();
        }
    }

    @Test
    void withoutKeysAndWithoutNoAuthTheServerDoesNotStart() {
        try (FakeModem modem = new FakeModem()) {
            CallstackServer refused = CallstackServer.builder(modem).port(0).build();
            assertThatThrownBy(refused::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("no API keys: create a key file").hasMessageContaining("--no-auth");
            refused.close();
        }
    }

    @Test
    void noAuthServesLoopbackWithTheRedactedViewAndMaySend() {
        try (TestServer open = TestServer.startWith(b -> b.noAuth(true))) {
            open.modem.receiveSms("+15550100100", "Meet me at the secret garden");
            assertThat(open.get("/healthz", null).statusCode()).isEqualTo(200);
            assertThat(TestServer.json(open.get("/sms/messages", WRONG_KEY)).get("messages").get(0)
                    .get("body").asText()).isEqualTo("[redacted]");
            assertThat(open.post("/sms/send", null, "{\"to\":\"+15550100100\",\"body\":\"x\"}").statusCode())
                    .isEqualTo(202);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::"})
    void noAuthIsRefusedOnANonLoopbackAddress(String host) {
        try (FakeModem modem = new FakeModem()) {
            CallstackServer refused = CallstackServer.builder(modem).host(host).port(0).noAuth(true).build();
            assertThatThrownBy(refused::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("refusing --no-auth on " + host);
            refused.close();
        }
    }

    @Test
    void noAuthTogetherWithKeysIsRefused() {
        try (FakeModem modem = new FakeModem()) {
            CallstackServer refused = CallstackServer.builder(modem).port(0).noAuth(true).apiKey(PLAIN_KEY).build();
            assertThatThrownBy(refused::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("--no-auth and API keys together");
            refused.close();
        }
    }

    @Test
    void shortKeysAreRefusedByTheBuilder() {
        try (FakeModem modem = new FakeModem()) {
            assertThatThrownBy(() -> CallstackServer.builder(modem).apiKey("fifteen-chars15"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 16 characters");
        }
    }

    @Test
    void theStartupLogNamesEachKeyByPositionWithItsPrivilegesAndLimitsNeverTheKey() {
        String secret = "limited-key-Ux52sD";
        try (TestServer limited = TestServer.startWith(b -> b.apiKey(secret,
                EnumSet.of(Privilege.SEND, Privilege.CONTENT), 200, List.of("+49", "+43")).apiKey(PLAIN_KEY))) {
            assertThat(limited.port).isPositive();
            List<String> lines = LogCapture.install().lines();
            assertThat(lines).anyMatch(line -> line.endsWith(
                    "API key #1: send content, sms_per_day=200, to=2 prefix(es) {}"));
            assertThat(lines).anyMatch(line -> line.endsWith("API key #2: read-only {}"));
            assertThat(lines).noneMatch(line -> line.contains(secret) || line.contains("+49"));
        }
    }
}
