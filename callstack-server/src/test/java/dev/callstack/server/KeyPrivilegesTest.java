package dev.callstack.server;

import static dev.callstack.server.TestServer.PLAIN_KEY;
import static dev.callstack.server.TestServer.READ_KEY;
import static dev.callstack.server.TestServer.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.core.Modem;
import dev.callstack.core.ModemBusyException;
import dev.callstack.core.OutgoingSms;
import dev.callstack.core.SmsSendResult;
import dev.callstack.testkit.FakeModem;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11 §3 and §4 (USSD busy, SMS queue full): what a key may do, to whom, and how much. */
@ExtendWith(NoPiiInLogs.class)
class KeyPrivilegesTest {
    private static final String SMS = "{\"to\":\"+15550100100\",\"body\":\"hello\"}";
    private static final String LIMITED_KEY = "limited-key-Ux52sD";
    private static TestServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void aReadOnlyKeyCannotSendSmsOrUssdAndNothingReachesTheModem() {
        assertJson(server.post("/sms/send", READ_KEY, SMS), 403, "{\"error\":\"missing privilege 'send'\"}");
        assertJson(server.post("/ussd/send", READ_KEY, "{\"code\":\"*100#\"}"), 403,
                "{\"error\":\"missing privilege 'ussd'\"}");
        assertThat(server.modem.sentSms()).isEmpty();
        assertThat(server.modem.ussdCodes()).isEmpty();
    }

    @Test
    void aReadOnlyKeyReadsRedactedListsHealthMetricsAndStatus() {
        server.modem.receiveSms("+15550100100", "Meet me at the secret garden");
        HttpResponse<String> messages = server.get("/sms/messages", READ_KEY);
        assertThat(messages.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(messages).get("messages").get(0).get("body").asText()).isEqualTo("[redacted]");
        for (String path : List.of("/healthz", "/metrics", "/status", "/sms/delivery-reports")) {
            assertThat(server.get(path, READ_KEY).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void aReadOnlyKeyMayOpenTheRealtimeFeed() throws Exception {
        try (RawConnection raw = new RawConnection(server.port)) {
            raw.write("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + READ_KEY + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n");
            assertThat(raw.readResponse(false).status()).isEqualTo(101);
        }
    }

    @Test
    void aRecipientOutsideTheKeysPrefixesIsRefusedAndNothingIsSent() {
        try (TestServer limited = TestServer.startWith(b -> b.apiKey(LIMITED_KEY, EnumSet.of(Privilege.SEND), 0,
                List.of("+4915", "+4917")))) {
            assertJson(limited.post("/sms/send", LIMITED_KEY, SMS), 403, "{\"error\":\"recipient not allowed\"}");
            assertJson(limited.post("/sms/send", LIMITED_KEY, "{\"to\":\"+491\",\"body\":\"x\"}"), 403,
                    "{\"error\":\"recipient not allowed\"}");
            assertThat(limited.modem.sentSms()).isEmpty();
            assertThat(limited.post("/sms/send", LIMITED_KEY, "{\"to\":\"+4917000000001\",\"body\":\"x\"}")
                    .statusCode()).isEqualTo(202);
            assertThat(limited.modem.sentSms()).hasSize(1);
        }
    }

    @Test
    void aKeyOverItsDailySmsPartsGets429AndARestartDoesNotResetIt() {
        Path db = dir.resolve("callstack.db");
        String twoParts = "{\"to\":\"+15550100100\",\"body\":\"" + "x".repeat(200) + "\"}";
        try (TestServer first = quotaServer(db, 3)) {
            assertThat(first.post("/sms/send", LIMITED_KEY, twoParts).statusCode()).isEqualTo(202);
            // Two parts used, two more would make four: refused although a single part would still fit.
            HttpResponse<String> refused = first.post("/sms/send", LIMITED_KEY, twoParts);
            assertQuotaExceeded(refused);
            assertThat(first.post("/sms/send", LIMITED_KEY, SMS).statusCode()).isEqualTo(202);
            assertQuotaExceeded(first.post("/sms/send", LIMITED_KEY, SMS));
            assertThat(first.modem.sentSms()).hasSize(2);
            // Other keys have their own count.
            assertThat(first.post("/sms/send", PLAIN_KEY, SMS).statusCode()).isEqualTo(202);
        }
        try (TestServer restarted = quotaServer(db, 3)) {
            assertQuotaExceeded(restarted.post("/sms/send", LIMITED_KEY, SMS));
            assertThat(restarted.modem.sentSms()).isEmpty();
        }
    }

    @Test
    void aSendTheModemRefusesDoesNotUseTheQuota() {
        try (TestServer limited = quotaServer(dir.resolve("q.db"), 1)) {
            limited.modem.nextSendRejected();
            assertThat(limited.post("/sms/send", LIMITED_KEY, SMS).statusCode()).isEqualTo(202);
            assertThat(TestServer.json(limited.get("/sms/outbox/1", LIMITED_KEY)).get("status").asText())
                    .isEqualTo("failed");
            assertThat(limited.post("/sms/send", LIMITED_KEY, SMS).statusCode()).isEqualTo(202);
            assertQuotaExceeded(limited.post("/sms/send", LIMITED_KEY, SMS));
        }
    }

    private static TestServer quotaServer(Path db, int perDay) {
        return TestServer.startWith(b -> b.apiKey(LIMITED_KEY, Set.of(Privilege.SEND), perDay, List.of())
                .apiKey(PLAIN_KEY, Privilege.SEND).quotaDatabase(db));
    }

    private static void assertQuotaExceeded(HttpResponse<String> refused) {
        assertThat(refused.statusCode()).isEqualTo(429);
        long retryAfter = TestServer.json(refused).get("retry_after").asLong();
        assertThat(retryAfter).isBetween(1L, Duration.ofHours(24).toSeconds());
        assertJson(refused, 429, "{\"error\":\"SMS quota exceeded\",\"retry_after\":" + retryAfter + "}");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue(Long.toString(retryAfter));
    }

    @Test
    void aSecondConcurrentUssdRequestIs409AtOnce() {
        try (TestServer ussd = TestServer.start()) {
            ussd.modem.nextUssdHangs();
            CompletableFuture<HttpResponse<String>> first = ussd.http.sendAsync(
                    ussd.request("/ussd/send", PLAIN_KEY).header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                    "{\"code\":\"*100#\",\"timeout\":600}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            org.awaitility.Awaitility.await().atMost(TestServer.TIMEOUT)
                    .until(() -> ussd.modem.ussdCodes().size() == 1);
            assertJson(ussd.post("/ussd/send", PLAIN_KEY, "{\"code\":\"*100#\"}"), 409,
                    "{\"error\":\"USSD session busy\"}");
            assertThat(ussd.modem.ussdCodes()).hasSize(1);
            assertThat(first).isNotDone();
        }
    }

    @Test
    void aFullSmsQueueIs503SmsQueueFull() throws Exception {
        try (FakeModem fake = new FakeModem();
             CallstackServer full = CallstackServer.builder(queueFull(fake)).port(0)
                     .apiKey(PLAIN_KEY, Privilege.SEND).shutdownGrace(Duration.ofSeconds(2)).build()) {
            int port = full.start();
            try (RawConnection raw = new RawConnection(port)) {
                raw.write("POST /sms/send HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Authorization: Bearer " + PLAIN_KEY + "\r\nContent-Length: " + SMS.length() + "\r\n\r\n"
                        + SMS);
                RawConnection.Response response = raw.readResponse(false);
                assertThat(response.status()).isEqualTo(503);
                assertThat(response.body()).isEqualTo("{\"error\":\"SMS queue full\"}");
            }
        }
    }

    /** A connected modem whose SMS send queue is full, as the serial modem reports it. */
    private static Modem queueFull(FakeModem fake) {
        return new ModemWithSms(fake, new ModemWithSms.Forwarding(fake.sms()) {
            @Override
            public CompletableFuture<SmsSendResult> send(OutgoingSms sms) {
                return CompletableFuture.failedFuture(new ModemBusyException("too many SMS waiting to be sent"));
            }
        });
    }
}
