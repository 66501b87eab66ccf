package dev.callstack.server;

import static dev.callstack.server.TestServer.CONTENT_KEY;
import static dev.callstack.server.TestServer.PLAIN_KEY;
import static dev.callstack.server.TestServer.READ_KEY;
import static dev.callstack.server.TestServer.assertJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /sms/send} over the outbox, {@code GET /sms/outbox[/{id}]} and {@code DELETE /sms/outbox/{id}}. */
@ExtendWith(NoPiiInLogs.class)
class OutboxHttpTest {
    private static final String NUMBER = "+15550100100";
    private static final String BODY = "Meet me at the secret garden";
    private static final String SMS = "{\"to\":\"" + NUMBER + "\",\"body\":\"" + BODY + "\"}";
    private static final String IDEMPOTENCY_KEY = "order-7781-idem-Kp93";
    private static final String LIMITED_KEY = "limited-key-Vb67tR";
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(builder -> builder.apiKey(LIMITED_KEY, Set.of(Privilege.SEND), 1, List.of("+1555")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String path, String key, String json, String idempotencyKey) {
        return server.post(path, key, json, idempotencyKey);
    }

    private HttpResponse<String> delete(String path, String key) {
        return server.send(server.request(path, key).DELETE().build());
    }

    private JsonNode entry(long id, String key) {
        HttpResponse<String> response = server.get("/sms/outbox/" + id, key);
        assertThat(response.statusCode()).isEqualTo(200);
        return TestServer.json(response);
    }

    // ------------------------------------------------------------------------------------------- accept, wait

    @Test
    void aSendIsAnswered202BeforeTheModemSeesIt() {
        server.modem.outbox().hold();

        assertJson(server.post("/sms/send", PLAIN_KEY, SMS), 202, "{\"message_id\":\"1\",\"status\":\"queued\"}");

        assertThat(server.modem.sentSms()).isEmpty();
        assertThat(entry(1, PLAIN_KEY).get("status").asText()).isEqualTo("queued");
        server.modem.nextSendSucceeds(17);
        server.modem.outbox().release();
        JsonNode sent = entry(1, PLAIN_KEY);
        assertThat(sent.get("status").asText()).isEqualTo("sent");
        assertThat(sent.get("references").toString()).isEqualTo("[17]");
        assertThat(sent.get("attempts").asInt()).isEqualTo(1);
        assertThat(sent.get("sent_at").asText()).endsWith("Z");
    }

    @Test
    void waitAnswers200WithTheEntryOnceTheMessageIsFinal() {
        server.modem.nextSendSucceeds(5);
        HttpResponse<String> response = server.post("/sms/send?wait=30", PLAIN_KEY, SMS);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode entry = TestServer.json(response);
        assertThat(entry.get("message_id").asText()).isEqualTo("1");
        assertThat(entry.get("status").asText()).isEqualTo("sent");
        assertThat(entry.get("references").toString()).isEqualTo("[5]");
        assertThat(entry.get("to").asText()).isEqualTo("+***0100");
        assertThat(entry.has("body")).isFalse();
    }

    @Test
    void waitAnswers202WhenTheWaitEndsFirst() {
        server.modem.outbox().hold();

        assertJson(server.post("/sms/send?wait=1", PLAIN_KEY, SMS), 202, "{\"message_id\":\"1\",\"status\":\"queued\"}");
    }

    @Test
    void waitOnAFailureAnswersTheFailedEntry() {
        server.modem.nextSendTimesOut();
        JsonNode entry = TestServer.json(server.post("/sms/send?wait=30", PLAIN_KEY, SMS));
        assertThat(entry.get("status").asText()).isEqualTo("unknown");
        assertThat(entry.get("error").asText()).doesNotContain(NUMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "61", "-1", "1.5", "abc", "", "99999999999999999999"})
    void anInvalidWaitIs400(String wait) {
        assertJson(server.post("/sms/send?wait=" + wait, PLAIN_KEY, SMS), 400,
                "{\"error\":\"invalid 'wait': 1 to 60 seconds\"}");
        assertThat(server.modem.outbox().list(null, 10, java.util.OptionalLong.empty())).isEmpty();
    }

    // ------------------------------------------------------------------------------------------- fields

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"send_at\":\"tomorrow\"|invalid 'send_at': an ISO-8601 instant such as 2026-12-05T08:00:00Z, at most 366 days ahead",
        "\"send_at\":12345|invalid 'send_at': an ISO-8601 instant such as 2026-12-05T08:00:00Z, at most 366 days ahead",
        "\"send_at\":\"2026-12-05\"|invalid 'send_at': an ISO-8601 instant such as 2026-12-05T08:00:00Z, at most 366 days ahead",
        "\"send_at\":\"+999999999-12-31T23:59:59Z\"|invalid 'send_at': an ISO-8601 instant such as 2026-12-05T08:00:00Z, at most 366 days ahead",
        "\"ttl\":0|invalid 'ttl': whole seconds, 1 to 604800",
        "\"ttl\":604801|invalid 'ttl': whole seconds, 1 to 604800",
        "\"ttl\":1.5|invalid 'ttl': whole seconds, 1 to 604800",
        "\"ttl\":\"60\"|invalid 'ttl': whole seconds, 1 to 604800",
        "\"ttl\":-5|invalid 'ttl': whole seconds, 1 to 604800",
        "\"ttl\":1e30|invalid 'ttl': whole seconds, 1 to 604800",
        "\"priority\":\"urgent\"|invalid 'priority': 'normal' or 'high'",
        "\"priority\":\"HIGH\"|invalid 'priority': 'normal' or 'high'",
        "\"priority\":1|invalid 'priority': 'normal' or 'high'",
        "\"retry_unknown\":\"yes\"|invalid 'retry_unknown': true or false",
        "\"retry_unknown\":1|invalid 'retry_unknown': true or false"})
    void anInvalidOptionIs400(String field, String error) {
        String json = "{\"to\":\"" + NUMBER + "\",\"body\":\"hi\"," + field + "}";
        assertJson(server.post("/sms/send", PLAIN_KEY, json), 400, "{\"error\":\"" + error + "\"}");
        assertThat(server.modem.sentSms()).isEmpty();
    }

    @Test
    void validOptionsAndUnknownFieldsAreAccepted() {
        String json = "{\"to\":\"" + NUMBER + "\",\"body\":\"hi\",\"send_at\":\"2099-01-01T00:00:00+01:00\","
                + "\"ttl\":604800,\"priority\":\"high\",\"retry_unknown\":true,\"from_version\":\"3\"}";
        // More than a year ahead is refused, so pick a date within the year.
        String soon = json.replace("2099-01-01T00:00:00+01:00", java.time.Instant.now().plusSeconds(3600).toString());

        assertThat(server.post("/sms/send", PLAIN_KEY, soon).statusCode()).isEqualTo(202);
        assertThat(entry(1, PLAIN_KEY).get("status").asText()).isEqualTo("queued"); // scheduled: not sent yet
        assertThat(server.post("/sms/send", PLAIN_KEY, json.replace(",\"send_at\":\"2099-01-01T00:00:00+01:00\"",
                ",\"send_at\":null")).statusCode()).isEqualTo(202);
        assertThat(entry(2, PLAIN_KEY).get("status").asText()).isEqualTo("sent");
        assertThat(server.post("/sms/send", PLAIN_KEY, json).statusCode()).isEqualTo(400);
    }

    // ------------------------------------------------------------------------------------------- idempotency

    @Test
    void theSameKeyTwiceCommitsOneMessageAndReplaysIt() {
        HttpResponse<String> first = send("/sms/send", PLAIN_KEY, SMS, IDEMPOTENCY_KEY);
        HttpResponse<String> again = send("/sms/send", PLAIN_KEY, SMS, IDEMPOTENCY_KEY);

        assertJson(first, 202, "{\"message_id\":\"1\",\"status\":\"queued\"}");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertJson(again, 202, "{\"message_id\":\"1\",\"status\":\"sent\"}");
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(server.modem.sentSms()).hasSize(1);
        HttpResponse<String> waited = send("/sms/send?wait=30", PLAIN_KEY, SMS, IDEMPOTENCY_KEY);
        assertThat(waited.statusCode()).isEqualTo(200);
        assertThat(waited.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(TestServer.json(waited).get("message_id").asText()).isEqualTo("1");
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        send("/sms/send", PLAIN_KEY, SMS, IDEMPOTENCY_KEY);

        assertJson(send("/sms/send", PLAIN_KEY, SMS.replace("garden", "park"), IDEMPOTENCY_KEY), 422,
                "{\"error\":\"Idempotency-Key was used for a different request\"}");
        assertJson(send("/sms/send", PLAIN_KEY, SMS.replace("}", ",\"priority\":\"high\"}"), IDEMPOTENCY_KEY), 422,
                "{\"error\":\"Idempotency-Key was used for a different request\"}");
        assertThat(server.modem.sentSms()).hasSize(1);
    }

    @Test
    void twoApiKeysNeverShareAnIdempotencyKey() {
        assertThat(TestServer.json(send("/sms/send", PLAIN_KEY, SMS, IDEMPOTENCY_KEY)).get("message_id").asText())
                .isEqualTo("1");
        HttpResponse<String> other = send("/sms/send", CONTENT_KEY, SMS, IDEMPOTENCY_KEY);

        assertThat(TestServer.json(other).get("message_id").asText()).isEqualTo("2");
        assertThat(other.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(server.modem.sentSms()).hasSize(2);
    }

    @Test
    void anInvalidIdempotencyKeyIs400() throws Exception {
        String invalid = "{\"error\":\"invalid 'Idempotency-Key': 1 to 255 printable ASCII characters\"}";
        assertJson(send("/sms/send", PLAIN_KEY, SMS, "k".repeat(256)), 400, invalid);
        assertThat(send("/sms/send", PLAIN_KEY, SMS, "k".repeat(255)).statusCode()).isEqualTo(202);
        for (String header : List.of("Idempotency-Key: caf\u00e9", "Idempotency-Key:", "Idempotency-Key: a\r\n"
                + "Idempotency-Key: b")) {
            try (RawConnection raw = new RawConnection(server.port)) {
                byte[] head = ("POST /sms/send HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + PLAIN_KEY
                        + "\r\nContent-Type: application/json\r\n" + header + "\r\nContent-Length: " + SMS.length()
                        + "\r\n\r\n" + SMS).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                raw.write(head);
                RawConnection.Response response = raw.readResponse(false);
                assertThat(response.status()).as(header).isEqualTo(400);
                assertThat(response.body()).isEqualTo(invalid);
            }
        }
        assertThat(server.modem.sentSms()).hasSize(1);
    }

    // ------------------------------------------------------------------------------------------- quota, prefixes

    @Test
    void theQuotaIsReservedAtEnqueueAndGivenBackWhenNothingWasSent() {
        server.modem.outbox().hold();
        assertThat(server.post("/sms/send", LIMITED_KEY, SMS).statusCode()).isEqualTo(202);
        assertThat(server.post("/sms/send", LIMITED_KEY, SMS).statusCode()).isEqualTo(429);

        assertThat(delete("/sms/outbox/1", LIMITED_KEY).statusCode()).isEqualTo(200);

        // The release runs on the blocking executor after the cancel; a keyed retry is safe to repeat.
        await().atMost(TestServer.TIMEOUT).until(
                () -> send("/sms/send", LIMITED_KEY, SMS, IDEMPOTENCY_KEY).statusCode() == 202);
        server.modem.outbox().release();
        assertThat(server.modem.sentSms()).hasSize(1);
        assertThat(server.post("/sms/send", LIMITED_KEY, SMS).statusCode()).isEqualTo(429);
    }

    @Test
    void aSentMessageKeepsItsQuotaAndPrefixesStillApply() {
        assertThat(server.post("/sms/send", LIMITED_KEY, SMS).statusCode()).isEqualTo(202);
        assertThat(server.post("/sms/send", LIMITED_KEY, SMS).statusCode()).isEqualTo(429);
        assertJson(server.post("/sms/send", LIMITED_KEY, "{\"to\":\"+447700900123\",\"body\":\"x\"}"), 403,
                "{\"error\":\"recipient not allowed\"}");
        assertJson(server.post("/sms/send", READ_KEY, SMS), 403, "{\"error\":\"missing privilege 'send'\"}");
        assertThat(server.modem.sentSms()).hasSize(1);
    }

    // ------------------------------------------------------------------------------------------- read, list

    @Test
    void theEntryIsRedactedUnlessTheKeyHasContent() {
        server.modem.nextSendSucceeds(3);
        server.post("/sms/send", PLAIN_KEY, SMS);

        JsonNode redacted = entry(1, READ_KEY);
        assertThat(redacted.get("to").asText()).isEqualTo("+***0100");
        assertThat(redacted.has("body")).isFalse();
        assertThat(redacted.toString()).doesNotContain(NUMBER).doesNotContain("garden");
        JsonNode content = entry(1, CONTENT_KEY);
        assertThat(content.get("to").asText()).isEqualTo(NUMBER);
        assertThat(content.get("body").asText()).isEqualTo(BODY);
        assertThat(content.fieldNames()).toIterable().containsExactly("message_id", "to", "body", "status", "parts",
                "references", "attempts", "created_at", "sent_at", "delivered_at", "error");
    }

    @Test
    void anUnknownOrMalformedIdIs404() {
        for (String id : List.of("1", "0", "-1", "abc", "1.0", "99999999999999999999", "1%2F2")) {
            assertJson(server.get("/sms/outbox/" + id, PLAIN_KEY), 404, "{\"error\":\"not found\"}");
        }
        assertJson(server.get("/sms/outbox/1/extra", PLAIN_KEY), 404, "{\"error\":\"not found\"}");
        HttpResponse<String> post = server.post("/sms/outbox/1", PLAIN_KEY, "{}");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("DELETE, GET, HEAD");
    }

    @Test
    void theListIsNewestFirstPagedAndFiltered() {
        server.modem.outbox().hold();
        for (int i = 0; i < 5; i++) {
            server.post("/sms/send", PLAIN_KEY, SMS);
        }
        delete("/sms/outbox/2", PLAIN_KEY);

        JsonNode first = TestServer.json(server.get("/sms/outbox?limit=2", PLAIN_KEY));
        assertThat(first.get("messages").findValuesAsText("message_id")).containsExactly("5", "4");
        assertThat(first.get("next_before").asText()).isEqualTo("4");
        JsonNode rest = TestServer.json(server.get("/sms/outbox?limit=10&before=4", PLAIN_KEY));
        assertThat(rest.get("messages").findValuesAsText("message_id")).containsExactly("3", "2", "1");
        assertThat(rest.get("next_before").isNull()).isTrue();
        JsonNode cancelled = TestServer.json(server.get("/sms/outbox?status=cancelled", PLAIN_KEY));
        assertThat(cancelled.get("messages").findValuesAsText("message_id")).containsExactly("2");
        assertThat(TestServer.json(server.get("/sms/outbox?status=queued", READ_KEY)).get("messages")).hasSize(4);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"status=QUEUED|invalid 'status'", "status=|invalid 'status'",
        "status=bogus|invalid 'status'", "limit=0|invalid 'limit'", "limit=501|invalid 'limit'",
        "before=0|invalid 'before'", "before=x|invalid 'before'"})
    void anInvalidListQueryIs400(String query, String error) {
        assertJson(server.get("/sms/outbox?" + query, PLAIN_KEY), 400, "{\"error\":\"" + error + "\"}");
    }

    // ------------------------------------------------------------------------------------------- cancel

    @Test
    void deleteCancelsAQueuedMessageOnce() {
        server.modem.outbox().hold();
        server.post("/sms/send", PLAIN_KEY, SMS);

        HttpResponse<String> cancelled = delete("/sms/outbox/1", PLAIN_KEY);
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(cancelled).get("status").asText()).isEqualTo("cancelled");
        assertJson(delete("/sms/outbox/1", PLAIN_KEY), 409, "{\"error\":\"message is no longer queued\"}");
        assertJson(delete("/sms/outbox/99", PLAIN_KEY), 404, "{\"error\":\"not found\"}");
        assertJson(delete("/sms/outbox/abc", PLAIN_KEY), 404, "{\"error\":\"not found\"}");
        server.modem.outbox().release();
        assertThat(server.modem.sentSms()).isEmpty();
    }

    @Test
    void aSentMessageCannotBeCancelledAndReadOnlyKeysCannotCancel() {
        server.post("/sms/send", PLAIN_KEY, SMS);

        assertJson(delete("/sms/outbox/1", READ_KEY), 403, "{\"error\":\"missing privilege 'send'\"}");
        assertJson(delete("/sms/outbox/1", PLAIN_KEY), 409, "{\"error\":\"message is no longer queued\"}");
    }

    // ------------------------------------------------------------------------------------------- privacy

    @Test
    void aFullScenarioLogsNoNumberBodyOrIdempotencyKey() {
        int from = LogCapture.install().lines().size();
        server.modem.outbox().hold();
        send("/sms/send?wait=1", CONTENT_KEY, SMS, IDEMPOTENCY_KEY);
        send("/sms/send", CONTENT_KEY, SMS, IDEMPOTENCY_KEY);
        send("/sms/send", CONTENT_KEY, SMS.replace("garden", "park"), IDEMPOTENCY_KEY);
        server.get("/sms/outbox/1", CONTENT_KEY);
        server.get("/sms/outbox?status=queued", CONTENT_KEY);
        server.modem.nextSendRejected();
        server.modem.outbox().release();
        server.post("/sms/send?wait=30", CONTENT_KEY, SMS);
        delete("/sms/outbox/2", CONTENT_KEY);

        List<String> lines = LogCapture.install().lines();
        assertThat(lines.subList(from, lines.size())).noneMatch(line -> line.contains(IDEMPOTENCY_KEY)
                || line.contains(NUMBER) || line.contains("secret garden") || line.contains("park"));
        assertThat(lines.subList(from, lines.size())).anyMatch(line -> line.contains("POST /sms/send -> 202"));
    }
}
