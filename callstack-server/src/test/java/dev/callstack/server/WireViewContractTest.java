package dev.callstack.server;

import static dev.callstack.server.TestServer.CONTENT_KEY;
import static dev.callstack.server.TestServer.PLAIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callstack.core.event.DeliveryStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One wire view per thing: an inbound SMS, a delivery report and a USSD reply read the same over HTTP and inside the
 * {@code /ws} envelope's {@code data}, field by field and byte for byte, in the redacted and the content view. A real
 * server on an ephemeral port over a FakeModem; JDK {@code HttpClient} and {@code WebSocket}.
 */
class WireViewContractTest {
    private static final String NUMBER = "+15550100100";
    /** Quotes, a control character, a non-BMP emoji: everything a writer could escape differently. */
    private static final String BODY = "Meet me at the secret garden \"now\"\n\uD83D\uDC4B";
    private static final String USSD_TEXT = "Balance 12.34 EUR";
    private static final String MILLIS_UTC = RealtimeWebSocketTest.MILLIS_UTC;

    private TestServer server;
    private WsClient ws;

    @AfterEach
    void stop() {
        if (ws != null) {
            ws.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void start(String key) {
        server = TestServer.start();
        ws = WsClient.connect(server, "/ws?events=sms.received,sms.delivery_report,ussd.response", key);
        assertThat(ws.nextJson().get("type").asText()).isEqualTo("hello");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {PLAIN_KEY, CONTENT_KEY})
    void anInboundSmsIsTheSameOverHttpAndWs(String key) {
        start(key);
        server.modem.receiveSms(NUMBER, BODY);
        String envelope = ws.next();

        String listing = server.get("/sms/messages", key).body();
        assertThat(listing).startsWith("{\"messages\":[").endsWith("],\"next_before\":null}");
        String item = listing.substring("{\"messages\":[".length(), listing.length() - "],\"next_before\":null}".length());

        JsonNode event = json(envelope);
        assertThat(event.get("type").asText()).isEqualTo("sms.received");
        assertSameFields(json(item), event.get("data"));
        assertThat(envelope).endsWith(",\"data\":" + item + "}");
        assertThat(event.get("data").get("received_at").asText()).matches(MILLIS_UTC)
                .isEqualTo(event.get("timestamp").asText());
        assertThat(event.get("data").get("smsc_timestamp").asText()).matches(MILLIS_UTC);
        assertView(key, event.get("data").get("sender").asText(), NUMBER,
                event.get("data").get("body").asText(), BODY);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {PLAIN_KEY, CONTENT_KEY})
    void aDeliveryReportIsTheSameOverHttpAndWs(String key) {
        start(key);
        server.modem.deliveryReport(42, NUMBER, DeliveryStatus.DELIVERED);
        String envelope = ws.next();

        String listing = server.get("/sms/delivery-reports", key).body();
        JsonNode item = json(listing).get("delivery_reports").get(0);
        JsonNode event = json(envelope);
        assertThat(event.get("type").asText()).isEqualTo("sms.delivery_report");
        // The listing adds the report's own row id in front; everything after it is the shared view.
        ObjectNode shared = item.deepCopy();
        assertThat(shared.remove("id").isIntegralNumber()).isTrue();
        assertSameFields(shared, event.get("data"));
        String rest = listing.substring(listing.indexOf(",\"reference\""), listing.lastIndexOf("}]}") + 1);
        assertThat(envelope).endsWith(",\"data\":{" + rest.substring(1) + "}");
        assertThat(event.get("data").get("timestamp").asText()).matches(MILLIS_UTC)
                .isEqualTo(event.get("timestamp").asText());
        assertView(key, event.get("data").get("recipient").asText(), NUMBER, null, null);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {PLAIN_KEY, CONTENT_KEY})
    void aUssdReplyIsTheSameOverHttpAndWs(String key) {
        start(key);
        server.modem.nextUssdReply(1, USSD_TEXT);
        HttpResponse<String> reply = server.post("/ussd/send", key, "{\"code\":\"*100#\"}");
        assertThat(reply.statusCode()).isEqualTo(200);
        String envelope = ws.next();

        JsonNode event = json(envelope);
        assertThat(event.get("type").asText()).isEqualTo("ussd.response");
        assertSameFields(TestServer.json(reply), event.get("data"));
        assertThat(envelope).endsWith(",\"data\":" + reply.body() + "}");
        assertThat(event.get("timestamp").asText()).matches(MILLIS_UTC);
        assertView(key, event.get("data").get("message").asText(), USSD_TEXT, null, null);
        assertThat(event.get("data").get("message_length").asInt()).isEqualTo(USSD_TEXT.length());
    }

    /** Same field names in the same order, each with the same value. */
    private static void assertSameFields(JsonNode http, JsonNode ws) {
        assertThat(fields(ws)).as("/ws data vs HTTP").containsExactlyElementsOf(fields(http));
    }

    private static List<String> fields(JsonNode node) {
        List<String> fields = new ArrayList<>();
        node.properties().forEach(field -> fields.add(field.getKey() + "=" + field.getValue()));
        return fields;
    }

    private static void assertView(String key, String shown, String secret, String shownText, String secretText) {
        if (CONTENT_KEY.equals(key)) {
            assertThat(shown).isEqualTo(secret);
            if (shownText != null) {
                assertThat(shownText).isEqualTo(secretText);
            }
        } else {
            assertThat(shown).isNotEqualTo(secret);
            if (shownText != null) {
                assertThat(shownText).isEqualTo("[redacted]");
            }
        }
    }

    private static JsonNode json(String text) {
        try {
            return TestServer.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
