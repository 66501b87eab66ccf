package dev.callstack.server;

import static dev.callstack.server.TestServer.PLAIN_KEY;
import static dev.callstack.server.TestServer.READ_KEY;
import static dev.callstack.server.TestServer.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile requests against the outbox routes of the real server: 4xx JSON, never a 500, a hang or a send. */
@ExtendWith(NoPiiInLogs.class)
class OutboxAttackTest {
    private static final String NUMBER = "+15550100100";
    private static final String SMS = "{\"to\":\"" + NUMBER + "\",\"body\":\"Meet me at the secret garden\"}";
    private static final String LIMITED_KEY = "limited-key-Ab12cD";
    private static final String IDEM = "retry-after-timeout-Gh45";
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(builder -> builder.apiKey(LIMITED_KEY, Set.of(Privilege.SEND), 1, List.of("+1555")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> keyed(String path, String key, String json, String idempotencyKey) {
        return server.post(path, key, json, idempotencyKey);
    }

    @Test
    void aKeyedRetryIsReplayedEvenWhenTheQuotaIsSpent() {
        HttpResponse<String> first = keyed("/sms/send", LIMITED_KEY, SMS, IDEM);
        assertThat(first.statusCode()).isEqualTo(202);

        // The client timed out and retries: the quota (1 a day) is spent by the first request, which is this one.
        HttpResponse<String> retry = keyed("/sms/send", LIMITED_KEY, SMS, IDEM);

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(202);
        assertThat(TestServer.json(retry).get("message_id").asText()).isEqualTo("1");
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(server.modem.sentSms()).hasSize(1);
        // A fresh message is still refused.
        assertThat(keyed("/sms/send", LIMITED_KEY, SMS, IDEM + "-other").statusCode()).isEqualTo(429);
    }

    @Test
    void concurrentRequestsWithOneKeyCommitOneMessage() {
        server.modem.outbox().hold();
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            all.add(server.http.sendAsync(server.request("/sms/send", PLAIN_KEY)
                    .header("Content-Type", "application/json").header("Idempotency-Key", IDEM)
                    .POST(HttpRequest.BodyPublishers.ofString(SMS)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();

        assertThat(all).allSatisfy(f -> {
            assertThat(f.join().statusCode()).as(f.join().body()).isEqualTo(202);
            assertThat(TestServer.json(f.join()).get("message_id").asText()).isEqualTo("1");
        });
        assertThat(all.stream().filter(f -> f.join().headers().firstValue("Idempotent-Replayed").isEmpty()))
                .hasSize(1);
        server.modem.outbox().release();
        assertThat(server.modem.sentSms()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"ttl\":1e400", "\"ttl\":-1e400", "\"ttl\":9223372036854775808", "\"ttl\":null",
        "\"ttl\":[1]", "\"ttl\":{}", "\"send_at\":\"NaN\"", "\"send_at\":-1e400", "\"send_at\":[]",
        "\"send_at\":\"-999999999-01-01T00:00:00Z\"", "\"send_at\":\"2026-13-45T99:99:99Z\"",
        "\"priority\":null", "\"priority\":[\"high\"]", "\"priority\":\"high\\u0000\"",
        "\"retry_unknown\":null", "\"to\":[\"+15550100100\"]", "\"body\":{\"a\":1}"})
    void hostileOptionsAre4xxOrAccepted(String field) {
        HttpResponse<String> response = server.post("/sms/send", PLAIN_KEY,
                "{\"to\":\"" + NUMBER + "\",\"body\":\"hi\"," + field + "}");

        assertThat(response.statusCode()).as(field + " -> " + response.body()).isIn(202, 400);
        assertThat(TestServer.json(response).isObject()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wait=61", "wait=-1", "wait=abc", "wait=%00", "wait=1&wait=2", "wait=+5", "wait=0x10",
        "wait=%E2%80%8B5", "wait=" + "9"})
    void hostileWaitsNeverHangOrFail500(String query) {
        server.modem.outbox().hold();
        HttpResponse<String> response = server.post("/sms/send?" + query, PLAIN_KEY, SMS);

        assertThat(response.statusCode()).as(query + " -> " + response.body()).isIn(202, 400);
        TestServer.json(response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=-1", "limit=1e3", "limit=99999999999999999999", "limit=%00", "before=-5",
        "before=99999999999999999999", "before=9223372036854775807", "status=queued&status=sent",
        "status=%E2%80%8Bqueued", "status=" + "q", "limit=1&limit=2", "before=1%2F2"})
    void hostileListQueriesAre4xxOr200(String query) {
        HttpResponse<String> response = server.get("/sms/outbox?" + query, PLAIN_KEY);

        assertThat(response.statusCode()).as(query + " -> " + response.body()).isIn(200, 400);
        TestServer.json(response);
    }

    @Test
    void everyOutboxRouteChecksItsPrivilege() {
        assertJson(server.post("/sms/send", READ_KEY, SMS), 403, "{\"error\":\"missing privilege 'send'\"}");
        assertJson(server.send(server.request("/sms/outbox/1", READ_KEY).DELETE().build()), 403,
                "{\"error\":\"missing privilege 'send'\"}");
        for (String path : List.of("/sms/outbox", "/sms/outbox/1", "/sms/send")) {
            assertThat(server.get(path, null).statusCode()).as(path).isEqualTo(401);
            assertJson(server.get(path, "not-a-key-Zz99"), 403, "{\"error\":\"Invalid API key.\"}");
        }
        assertThat(server.modem.sentSms()).isEmpty();
    }
}
