package dev.callstack.server;

import static dev.callstack.server.TestServer.CONTENT_KEY;
import static dev.callstack.server.TestServer.PLAIN_KEY;
import static dev.callstack.server.TestServer.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callstack.core.event.DeliveryStatus;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(NoPiiInLogs.class)
class HttpRoutesTest {
    private static final String NUMBER = "+15550100100";
    private static final String BODY = "Meet me at the secret garden";
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> sendSms(String json) {
        return server.post("/sms/send", PLAIN_KEY, json);
    }

    // ------------------------------------------------------------------------------------------------- common

    @Test
    void unknownPathIs404() {
        assertJson(server.get("/nope", PLAIN_KEY), 404, "{\"error\":\"not found\"}");
        assertJson(server.get("/sms/send/extra", PLAIN_KEY), 404, "{\"error\":\"not found\"}");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        HttpResponse<String> response = server.get("/sms/send", PLAIN_KEY);
        assertJson(response, 405, "{\"error\":\"method not allowed\"}");
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        HttpResponse<String> post = server.post("/healthz", PLAIN_KEY, "{}");
        assertJson(post, 405, "{\"error\":\"method not allowed\"}");
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        HttpResponse<String> delete = server.send(server.request("/ws", PLAIN_KEY).DELETE().build());
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(delete.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void headOnAGetRouteAnswersLikeGetWithoutABody() {
        HttpResponse<String> get = server.get("/sms/delivery-reports", PLAIN_KEY);
        HttpResponse<String> head = head("/sms/delivery-reports");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(head.headers().firstValue("Content-Length"))
                .isPresent().isEqualTo(get.headers().firstValue("Content-Length"));
        assertThat(get.body()).isNotEmpty();
        // Errors too: the status and headers of GET, no body.
        HttpResponse<String> invalid = head("/sms/delivery-reports?limit=0");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).isEmpty();
        // The connection is still in step: the next request on it gets its own answer.
        assertThat(server.get("/healthz", PLAIN_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void headOnAPostOnlyRouteIs405WithAllow() {
        HttpResponse<String> head = head("/sms/send");
        assertThat(head.statusCode()).isEqualTo(405);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Allow")).hasValue("POST");
    }

    private HttpResponse<String> head(String path) {
        return server.send(server.request(path, PLAIN_KEY).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    @Test
    void bodyOverTheLimitIs413Json() {
        String big = "{\"to\":\"" + NUMBER + "\",\"body\":\"" + "x".repeat(70 * 1024) + "\"}";
        assertJson(sendSms(big), 413, "{\"error\":\"request body too large\"}");
        assertThat(server.modem.sentSms()).isEmpty();
    }

    @Test
    void aClientStillSendingAnOversizedBodyReadsThe413AndMayFinishSending() throws Exception {
        // Well under the server's discard budget (1 MiB), and enough that writes to a closed connection would fail.
        int declared = 768 * 1024;
        try (RawConnection raw = new RawConnection(server.port)) {
            raw.write("POST /sms/send HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + PLAIN_KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + declared + "\r\n\r\n{\"to\":\"");
            RawConnection.Response response = raw.readResponse(false);
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.body()).isEqualTo("{\"error\":\"request body too large\"}");
            assertThat(response.headers().get("connection")).isEqualTo("close");
            // The server keeps reading (and dropping) the body: were it closed, these writes would be reset.
            byte[] chunk = "x".repeat(8 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int sent = 0; sent < declared; sent += chunk.length) {
                raw.write(chunk);
            }
            raw.shutdownOutput();
            assertThat(raw.atEndOfStream()).isTrue();
        }
        assertThat(server.modem.sentSms()).isEmpty();
    }

    @Test
    void aClientThatKeepsSendingPastTheDiscardLimitIsCutOff() throws Exception {
        try (RawConnection raw = new RawConnection(server.port)) {
            raw.write("POST /sms/send HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + PLAIN_KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + Integer.MAX_VALUE + "\r\n\r\n");
            assertThat(raw.readResponse(false).status()).isEqualTo(413);
            byte[] chunk = new byte[64 * 1024];
            // Far more than socket buffers can hold: the writes must hit the closed connection well before the end.
            long limit = 256L * 1024 * 1024;
            long sent = 0;
            try {
                while (sent < limit) {
                    raw.write(chunk);
                    sent += chunk.length;
                }
            } catch (IOException cutOff) {
                // expected: the server closed once its discard budget was spent
            }
            assertThat(sent).as("bytes written before the server cut the connection").isLessThan(limit);
        }
    }

    @Test
    void anUnsupportedExpectationIs417Json() {
        HttpResponse<String> response = server.send(server.request("/healthz", PLAIN_KEY)
                .header("Expect", "teapot").GET().build());
        assertJson(response, 417, "{\"error\":\"unsupported Expect header\"}");
    }

    @Test
    void aSmallerConfiguredLimitApplies() {
        try (TestServer small = TestServer.start(b -> b.maxBodyBytes(100))) {
            String json = "{\"to\":\"" + NUMBER + "\",\"body\":\"" + "y".repeat(120) + "\"}";
            assertThat(small.post("/sms/send", PLAIN_KEY, json).statusCode()).isEqualTo(413);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"to\":", "not json", "{\"to\":\"+1555\",}", "{} {}", "{\"a\":1,\"a\":2}",
            "\u0000", "[1,2"})
    void malformedJsonIs400(String body) {
        assertJson(sendSms(body), 400, "{\"error\":\"invalid JSON body\"}");
        assertJson(server.post("/ussd/send", PLAIN_KEY, body), 400, "{\"error\":\"invalid JSON body\"}");
    }

    @Test
    void invalidUtf8Is400() {
        byte[] bytes = {'{', '"', 't', 'o', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        HttpResponse<String> response = server.send(server.request("/sms/send", PLAIN_KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
        assertJson(response, 400, "{\"error\":\"invalid JSON body\"}");
    }

    @Test
    void deeplyNestedJsonIs400() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThat(sendSms(deep).statusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"to\":\"+15550100100\"}]", "\"text\"", "42", "null", "true"})
    void jsonThatIsNotAnObjectIs400(String body) {
        assertJson(sendSms(body), 400, "{\"error\":\"JSON body must be an object\"}");
        assertJson(server.post("/ussd/send", PLAIN_KEY, body), 400, "{\"error\":\"JSON body must be an object\"}");
    }

    // ------------------------------------------------------------------------------------------------ /sms/send

    @Test
    void sendSmsIsAcceptedThenSentWithItsReference() {
        server.modem.nextSendSucceeds(42);
        HttpResponse<String> response = sendSms("{\"to\":\"" + NUMBER + "\",\"body\":\"" + BODY + "\"}");
        assertJson(response, 202, "{\"message_id\":\"1\",\"status\":\"queued\"}");
        assertThat(server.modem.sentSms()).singleElement()
                .satisfies(sms -> assertThat(sms.body()).isEqualTo(BODY));
        JsonNode entry = TestServer.json(server.get("/sms/outbox/1", PLAIN_KEY));
        assertThat(entry.get("status").asText()).isEqualTo("sent");
        assertThat(entry.get("references").toString()).isEqualTo("[42]");
    }

    @Test
    void longSmsReportsItsParts() {
        HttpResponse<String> response = sendSms("{\"to\":\"" + NUMBER + "\",\"body\":\"" + "a".repeat(200) + "\"}");
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(TestServer.json(server.get("/sms/outbox/1", PLAIN_KEY)).get("parts").asInt()).isEqualTo(2);
    }

    private String outboxStatus(String field) {
        return TestServer.json(server.get("/sms/outbox/1", PLAIN_KEY)).get(field).asText();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"body\":\"hi\"}", "{\"to\":null,\"body\":\"hi\"}", "{\"to\":15550100100,\"body\":\"hi\"}",
            "{\"to\":\"\",\"body\":\"hi\"}", "{\"to\":[\"+15550100100\"],\"body\":\"hi\"}", "{}"})
    void missingToIs400(String json) {
        assertJson(sendSms(json), 400, "{\"error\":\"missing 'to'\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"to\":\"+15550100100\"}", "{\"to\":\"+15550100100\",\"body\":null}",
            "{\"to\":\"+15550100100\",\"body\":7}", "{\"to\":\"+15550100100\",\"body\":\"\"}",
            "{\"to\":\"+15550100100\",\"body\":{\"text\":\"hi\"}}"})
    void missingBodyIs400(String json) {
        assertJson(sendSms(json), 400, "{\"error\":\"missing 'body'\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "+1 555 0100", "abc", "+", "1234567890123456", "+15550100100\\n", "++1555010010"})
    void invalidToIs400(String to) {
        assertJson(sendSms("{\"to\":\"" + to + "\",\"body\":\"hi\"}"), 400, "{\"error\":\"invalid 'to' phone number\"}");
    }

    @Test
    void aMessageTheModemRefusesAsInvalidEndsFailed() {
        server.modem.nextSendInvalid();
        assertThat(sendSms("{\"to\":\"" + NUMBER + "\",\"body\":\"hi\"}").statusCode()).isEqualTo(202);
        assertThat(outboxStatus("status")).isEqualTo("failed");
        assertThat(outboxStatus("error")).isEqualTo("refused as invalid");
    }

    @Test
    void aMessageTooLongForTheModemIs400() {
        String body = "z".repeat(60_000);
        assertJson(sendSms("{\"to\":\"" + NUMBER + "\",\"body\":\"" + body + "\"}"), 400,
                "{\"error\":\"invalid SMS request\"}");
    }

    @Test
    void aModemTimeoutEndsUnknown() {
        server.modem.nextSendTimesOut();
        assertThat(sendSms("{\"to\":\"" + NUMBER + "\",\"body\":\"hi\"}").statusCode()).isEqualTo(202);
        assertThat(outboxStatus("status")).isEqualTo("unknown");
    }

    @Test
    void aModemRejectionEndsFailed() {
        server.modem.nextSendRejected();
        assertThat(sendSms("{\"to\":\"" + NUMBER + "\",\"body\":\"hi\"}").statusCode()).isEqualTo(202);
        assertThat(outboxStatus("status")).isEqualTo("failed");
        assertThat(outboxStatus("error")).isEqualTo("modem rejected it (+CMS ERROR: 500)");
    }

    @Test
    void aModemNotConnectedKeepsTheMessageQueued() {
        server.modem.disconnect("unplugged");
        assertJson(sendSms("{\"to\":\"" + NUMBER + "\",\"body\":\"hi\"}"), 202,
                "{\"message_id\":\"1\",\"status\":\"queued\"}");
        assertThat(outboxStatus("status")).isEqualTo("queued");
        assertThat(outboxStatus("error")).isEqualTo("modem unavailable; will retry");
    }

    @Test
    void errorBodiesNeverEchoTheNumberOrText() {
        server.modem.nextSendRejected();
        String response = sendSms("{\"to\":\"" + NUMBER + "\",\"body\":\"" + BODY + "\"}").body();
        assertThat(response).doesNotContain(NUMBER).doesNotContain("0100100").doesNotContain("secret");
    }

    // -------------------------------------------------------------------------------------------- /sms/messages

    @Test
    void messagesAreRedactedWithoutContentPrivilege() {
        server.modem.receiveSms(NUMBER, BODY);
        JsonNode json = TestServer.json(server.get("/sms/messages", PLAIN_KEY));
        JsonNode item = json.get("messages").get(0);
        assertThat(item.get("id").asLong()).isEqualTo(1);
        assertThat(item.get("sender").asText()).isEqualTo("+***0100");
        assertThat(item.get("body").asText()).isEqualTo("[redacted]");
        assertThat(item.get("body_length").asInt()).isEqualTo(BODY.length());
        assertThat(item.get("parts").asInt()).isEqualTo(1);
        assertThat(item.get("partial").asBoolean()).isFalse();
        assertThat(item.get("received_at").asText()).endsWith("Z");
        assertThat(item.get("smsc_timestamp").asText()).endsWith("Z");
        assertThat(json.get("next_before").isNull()).isTrue();
    }

    @Test
    void messagesAreInFullWithContentPrivilege() {
        server.modem.receiveSms(NUMBER, BODY);
        JsonNode item = TestServer.json(server.get("/sms/messages", CONTENT_KEY)).get("messages").get(0);
        assertThat(item.get("sender").asText()).isEqualTo(NUMBER);
        assertThat(item.get("body").asText()).isEqualTo(BODY);
    }

    @Test
    void messagesArePagedNewestFirstById() {
        for (int i = 1; i <= 5; i++) {
            server.modem.receiveSms("DUO", "message " + i);
        }
        JsonNode first = TestServer.json(server.get("/sms/messages?limit=2", CONTENT_KEY));
        assertThat(ids(first.get("messages"))).containsExactly(5L, 4L);
        assertThat(first.get("next_before").asLong()).isEqualTo(4);
        JsonNode second = TestServer.json(server.get("/sms/messages?limit=2&before=4", CONTENT_KEY));
        assertThat(ids(second.get("messages"))).containsExactly(3L, 2L);
        JsonNode last = TestServer.json(server.get("/sms/messages?limit=2&before=2", CONTENT_KEY));
        assertThat(ids(last.get("messages"))).containsExactly(1L);
        assertThat(last.get("next_before").isNull()).isTrue();
        JsonNode all = TestServer.json(server.get("/sms/messages", CONTENT_KEY));
        assertThat(ids(all.get("messages"))).containsExactly(5L, 4L, 3L, 2L, 1L);
    }

    @Test
    void noMessagesIsAnEmptyList() {
        assertJson(server.get("/sms/messages", PLAIN_KEY), 200, "{\"messages\":[],\"next_before\":null}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "501", "-1", "abc", "", "1.5", "99999999999999999999", "%20"})
    void invalidLimitIs400(String limit) {
        assertJson(server.get("/sms/messages?limit=" + limit, PLAIN_KEY), 400, "{\"error\":\"invalid 'limit'\"}");
        assertJson(server.get("/sms/delivery-reports?limit=" + limit, PLAIN_KEY), 400,
                "{\"error\":\"invalid 'limit'\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "x", ""})
    void invalidBeforeIs400(String before) {
        assertJson(server.get("/sms/messages?before=" + before, PLAIN_KEY), 400, "{\"error\":\"invalid 'before'\"}");
    }

    @Test
    void limitBoundsAreAccepted() {
        assertThat(server.get("/sms/messages?limit=1", PLAIN_KEY).statusCode()).isEqualTo(200);
        assertThat(server.get("/sms/messages?limit=500", PLAIN_KEY).statusCode()).isEqualTo(200);
        assertThat(server.get("/sms/delivery-reports?limit=500", PLAIN_KEY).statusCode()).isEqualTo(200);
    }

    // ------------------------------------------------------------------------------------- /sms/delivery-reports

    @Test
    void deliveryReportsListNewestFirstRedacted() {
        server.modem.nextSendSucceeds(7);
        assertThat(sendSms("{\"to\":\"" + NUMBER + "\",\"body\":\"hi\"}").statusCode()).isEqualTo(202);
        server.modem.deliveryReport(7, NUMBER, DeliveryStatus.DELIVERED);
        server.modem.deliveryReport(9, "+447700900123", DeliveryStatus.FAILED);
        JsonNode reports = TestServer.json(server.get("/sms/delivery-reports", PLAIN_KEY)).get("delivery_reports");
        assertThat(reports).hasSize(2);
        JsonNode newest = reports.get(0);
        assertThat(newest.get("id").asLong()).isEqualTo(2);
        assertThat(newest.get("reference").asInt()).isEqualTo(9);
        assertThat(newest.get("recipient").asText()).isEqualTo("+***0123");
        assertThat(newest.get("status").asText()).isEqualTo("failed");
        assertThat(newest.get("message_id").isNull()).isTrue();
        JsonNode older = reports.get(1);
        assertThat(older.get("recipient").asText()).isEqualTo("+***0100");
        assertThat(older.get("status").asText()).isEqualTo("delivered");
        assertThat(older.get("message_id").asText()).isEqualTo("1");
        assertThat(older.get("timestamp").asText()).endsWith("Z");
        assertThat(TestServer.json(server.get("/sms/delivery-reports?limit=1", PLAIN_KEY)).get("delivery_reports"))
                .hasSize(1);
    }

    @Test
    void deliveryReportsInFullWithContentPrivilege() {
        server.modem.deliveryReport(3, NUMBER, DeliveryStatus.PENDING);
        JsonNode report = TestServer.json(server.get("/sms/delivery-reports", CONTENT_KEY))
                .get("delivery_reports").get(0);
        assertThat(report.get("recipient").asText()).isEqualTo(NUMBER);
        assertThat(report.get("status").asText()).isEqualTo("pending");
    }

    // ------------------------------------------------------------------------------------------------ /ussd/send

    @Test
    void ussdReplyIsRedactedWithoutContent() {
        server.modem.nextUssdReply(0, "Balance 12.34 EUR");
        assertJson(server.post("/ussd/send", PLAIN_KEY, "{\"code\":\"*100#\"}"), 200,
                "{\"status\":0,\"encoding\":\"gsm7\",\"message\":\"[redacted]\",\"message_length\":17}");
        assertThat(server.modem.ussdCodes()).containsExactly("*100#");
    }

    @Test
    void ussdReplyIsInFullWithContent() {
        server.modem.nextUssdReply(1, "Balance 12.34 EUR");
        assertJson(server.post("/ussd/send", CONTENT_KEY, "{\"code\":\"*100#\",\"timeout\":2.5}"), 200,
                "{\"status\":1,\"encoding\":\"gsm7\",\"message\":\"Balance 12.34 EUR\",\"message_length\":17}");
    }

    @Test
    void ussdReplyWithoutTextIsNull() {
        server.modem.nextUssdReply(2, null);
        assertJson(server.post("/ussd/send", PLAIN_KEY, "{\"code\":\"*100#\"}"), 200,
                "{\"status\":2,\"encoding\":\"gsm7\",\"message\":null,\"message_length\":0}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"code\":null}", "{\"code\":100}", "{\"code\":\"\"}", "{\"code\":\"*100#\\\"\"}",
            "{\"code\":\"*100#\\r\\nATD123;\"}", "{\"code\":\"abc\"}"})
    void invalidUssdCodeIs400(String json) {
        assertJson(server.post("/ussd/send", PLAIN_KEY, json), 400, "{\"error\":\"Invalid USSD code\"}");
        assertThat(server.modem.ussdCodes()).isEmpty();
    }

    @Test
    void tooLongUssdCodeIs400() {
        assertJson(server.post("/ussd/send", PLAIN_KEY, "{\"code\":\"" + "1".repeat(65) + "\"}"), 400,
                "{\"error\":\"Invalid USSD code\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "\"15\"", "null", "1e400", "-0.0", "true", "[]", "1e-12", "601"})
    void invalidUssdTimeoutIs400(String timeout) {
        assertJson(server.post("/ussd/send", PLAIN_KEY, "{\"code\":\"*100#\",\"timeout\":" + timeout + "}"), 400,
                "{\"error\":\"invalid 'timeout'\"}");
    }

    @Test
    void ussdTimeoutIs504() {
        server.modem.nextUssdTimesOut();
        assertJson(server.post("/ussd/send", PLAIN_KEY, "{\"code\":\"*100#\"}"), 504,
                "{\"error\":\"USSD request timed out\"}");
    }

    @Test
    void ussdFailureIs502() {
        server.modem.nextUssdRejected();
        assertJson(server.post("/ussd/send", PLAIN_KEY, "{\"code\":\"*100#\"}"), 502,
                "{\"error\":\"USSD request failed\"}");
    }

    @Test
    void ussdWithModemGoneIs503() {
        server.modem.disconnect("unplugged");
        assertJson(server.post("/ussd/send", PLAIN_KEY, "{\"code\":\"*100#\"}"), 503,
                "{\"error\":\"modem not connected\"}");
    }

    // -------------------------------------------------------------------------------------- /healthz, /metrics

    @Test
    void healthIsReadyWhenModemAndStoreAre() {
        HttpResponse<String> response = server.get("/healthz", PLAIN_KEY);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode json = TestServer.json(response);
        assertThat(json.get("status").asText()).isEqualTo("ready");
        assertThat(json.get("modem_connected").asBoolean()).isTrue();
        assertThat(json.get("store_ready").asBoolean()).isTrue();
        assertThat(json.get("uptime_seconds").isIntegralNumber()).isTrue();
        assertThat(json.get("uptime_seconds").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(json.get("simulated").isBoolean()).isTrue();
        assertThat(json.get("simulated").asBoolean()).isFalse();
    }

    @Test
    void statusSaysWhetherTheModemIsSimulatedAndHowItIs() {
        // The fake modem's status is ModemStatus.of(state()): its identity strings, no counters, nothing of the SMS
        // storage known. StatusAndHealthTest pins the shape with every fact present.
        assertJson(server.get("/status", PLAIN_KEY), 200, """
                {"simulated":false,"transport":"%s",
                 "modem":{"connected":true,"manufacturer":"Callstack","model":"FakeModem","firmware":"1","profile":null,
                          "restarts":0,"flood_disconnects":0,"halt_reason":null,"last_disconnect":null},
                 "sim":{"state":"ready"},
                 "network":{"registration":"home","technology":"unknown","operator":"Callstack Test","rssi":20,
                            "dbm":-73},
                 "sms":{"storage_used":null,"storage_total":null,"sweep_interval_seconds":0,"last_sweep":null,
                        "undecodable":0},
                 "voice":{"audio_port":"absent","plan":"none"}}""".formatted(server.server.transport()));
        server.modem.disconnect("unplugged");
        JsonNode gone = TestServer.json(server.get("/status", PLAIN_KEY));
        assertThat(gone.get("modem").get("connected").asBoolean()).isFalse();
        assertThat(gone.get("network").get("registration").asText()).isEqualTo("unknown");
        server.modem.reconnect();
        try (TestServer simulated = TestServer.start(b -> b.simulated(true))) {
            assertThat(TestServer.json(simulated.get("/status", PLAIN_KEY)).get("simulated").asBoolean()).isTrue();
            assertThat(TestServer.json(simulated.get("/healthz", PLAIN_KEY)).get("simulated").asBoolean()).isTrue();
        }
    }

    @Test
    void statusNeedsTheSameAuthAsHealth() {
        assertThat(server.get("/status", null).statusCode()).isEqualTo(401);
        assertThat(server.get("/status", "bogus-key-123").statusCode()).isEqualTo(403);
    }

    @Test
    void healthIsDegradedWhenTheModemIsGone() {
        server.modem.disconnect("unplugged");
        HttpResponse<String> response = server.get("/healthz", PLAIN_KEY);
        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode json = TestServer.json(response);
        assertThat(json.get("status").asText()).isEqualTo("degraded");
        assertThat(json.get("modem_connected").asBoolean()).isFalse();
        server.modem.reconnect();
        assertThat(server.get("/healthz", PLAIN_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void healthIsDegradedWhenTheStoreIsNotReady() {
        try (TestServer noStore = TestServer.start(b -> b.storeReady(() -> false))) {
            HttpResponse<String> response = noStore.get("/healthz", PLAIN_KEY);
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(TestServer.json(response).get("store_ready").asBoolean()).isFalse();
            assertThat(TestServer.json(response).get("status").asText()).isEqualTo("degraded");
        }
    }

    @Test
    void metricsArePrometheusTextWithEveryFamily() {
        server.modem.receiveSms(NUMBER, BODY);
        sendSms("{\"to\":\"" + NUMBER + "\",\"body\":\"hi\"}");
        server.modem.deliveryReport(1, NUMBER, DeliveryStatus.DELIVERED);
        server.modem.signal(17, 3);
        server.modem.disconnect("unplugged");
        server.modem.reconnect();
        server.modem.ussdResponse(0, "Balance 12.34 EUR", 15);
        server.get("/nope", PLAIN_KEY);
        HttpResponse<String> response = server.get("/metrics", PLAIN_KEY);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        String text = response.body();
        assertThat(text).contains(
                "# TYPE callstack_uptime_seconds gauge",
                "callstack_sms_received_total 1.0",
                "callstack_sms_sent_total 1.0",
                "callstack_sms_delivery_reports_total{status=\"delivered\"} 1.0",
                "callstack_calls_active 0.0",
                "callstack_signal_rssi 17.0",
                "callstack_signal_ber 3.0",
                "callstack_modem_disconnects_total 1.0",
                "callstack_modem_reconnects_total 1.0",
                "callstack_ussd_responses_total{status=\"0\"} 1.0",
                "callstack_websocket_clients 0.0",
                "callstack_websocket_envelopes_sent_total",
                "callstack_websocket_envelopes_dropped_total",
                "callstack_http_requests_total{route=\"/sms/send\",status=\"2xx\"} 1.0",
                "callstack_http_requests_total{route=\"unmatched\",status=\"4xx\"} 1.0",
                "callstack_auth_failures_total{reason=\"invalid_key\"} 0.0");
        assertThat(text).doesNotContain("0100100").doesNotContain("secret").doesNotContain("Balance")
                .doesNotContain("/nope");
    }

    @Test
    void activeCallsFollowTheCallState() {
        server.modem.callState(dev.callstack.core.event.CallState.ACTIVE);
        assertThat(server.metric("callstack_calls_active")).isEqualTo(1.0);
        server.modem.callState(dev.callstack.core.event.CallState.ENDED);
        assertThat(server.metric("callstack_calls_active")).isEqualTo(0.0);
    }

    @Test
    void keepAliveConnectionsServeManyRequests() {
        for (int i = 0; i < 20; i++) {
            assertThat(server.get(i % 2 == 0 ? "/healthz" : "/nope", PLAIN_KEY).statusCode()).isIn(200, 404);
        }
    }

    private static List<Long> ids(JsonNode items) {
        List<Long> ids = new java.util.ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }
}
