package dev.callstack.server;

import static dev.callstack.server.TestServer.CONTENT_KEY;
import static dev.callstack.server.TestServer.PLAIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.core.event.CallState;
import dev.callstack.core.event.DeliveryStatus;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A whole session through every route and the feed, with debug logging on: nothing private reaches the logs. */
class LogPrivacyTest {
    @Test
    void aFullScenarioLogsNoNumberBodyUssdTextOrKey() {
        LogCapture capture = LogCapture.install();
        int before = capture.lines().size();
        // The 429 at the end needs the three failures before it still counted: an hour-long window, however slow.
        try (TestServer server = TestServer.start(b -> b.authFailureLimit(3, Duration.ofHours(1)))) {
            WsClient redacted = WsClient.connect(server, "/ws", PLAIN_KEY);
            WsClient content = WsClient.connect(server, "/ws?events=sms.received,ussd.response", CONTENT_KEY);
            redacted.next();
            content.next();

            server.modem.receiveSms("+15550100100", "Meet me at the secret garden");
            server.post("/sms/send", CONTENT_KEY, "{\"to\":\"+447700900123\",\"body\":\"Meet me at the secret garden\"}");
            server.modem.nextSendRejected();
            server.post("/sms/send", CONTENT_KEY, "{\"to\":\"+447700900123\",\"body\":\"Meet me at the secret garden\"}");
            server.modem.nextSendTimesOut();
            server.post("/sms/send", PLAIN_KEY, "{\"to\":\"+447700900123\",\"body\":\"Meet me at the secret garden\"}");
            server.post("/sms/send", PLAIN_KEY, "{\"to\":\"+4477009001230000\",\"body\":\"Meet me at the secret garden\"}");
            server.post("/sms/send", PLAIN_KEY, "{\"to\":\"+447700900123\",\"body\":\"Meet me at the secret garden\"");
            server.modem.deliveryReport(1, "+447700900123", DeliveryStatus.DELIVERED);
            server.modem.nextUssdReply(0, "Balance 12.34 EUR");
            server.post("/ussd/send", CONTENT_KEY, "{\"code\":\"*100#\"}");
            server.modem.nextUssdTimesOut();
            server.post("/ussd/send", PLAIN_KEY, "{\"code\":\"*123*4567#\"}");
            server.post("/ussd/send", PLAIN_KEY, "{\"code\":\"*100#Balance\"}");
            server.modem.ring("+15550100100");
            server.modem.callState(CallState.ACTIVE);
            server.modem.dtmf('5');
            server.modem.callState(CallState.ENDED);
            server.get("/sms/messages", CONTENT_KEY);
            server.get("/sms/delivery-reports", CONTENT_KEY);
            server.get("/metrics", PLAIN_KEY);
            server.get("/healthz", PLAIN_KEY);
            server.get("/sms/messages?limit=%2B15550100100", PLAIN_KEY);
            server.get("/ws?events=+15550100100", PLAIN_KEY);
            // A method is any token, so a caller can put a number there too.
            assertThat(server.send(server.request("/sms/send", PLAIN_KEY)
                    .method("+15550100100", java.net.http.HttpRequest.BodyPublishers.noBody()).build())
                    .statusCode()).isEqualTo(405);
            content.socket().sendText("+15550100100 Meet me at the secret garden", true).join();
            content.socket().sendBinary(ByteBuffer.wrap("Balance".getBytes(StandardCharsets.UTF_8)), true).join();
            content.awaitClose(TestServer.TIMEOUT);
            server.get("/healthz", "bogus-key-123");
            server.get("/healthz", TestServer.CONTENT_KEY + "Zx81vB");
            server.get("/healthz", null);
            server.get("/healthz", "bogus-key-123");
            assertThat(server.get("/healthz", PLAIN_KEY).statusCode()).isEqualTo(429);
            redacted.close();
        }
        assertThat(capture.lines().size()).as("the scenario logged something").isGreaterThan(before);
        LogCapture.assertNoPii();
    }
}
