package dev.callstack.server;

import static dev.callstack.server.TestServer.CONTENT_KEY;
import static dev.callstack.server.TestServer.PLAIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every state-changing request leaves one INFO line on {@code dev.callstack.server.audit}: who (key position), what
 * (route), the outcome and the message id; never the number, the body, the code or the key.
 */
@ExtendWith(NoPiiInLogs.class)
class AuditLogTest {
    private static final String AUDIT = "dev.callstack.server.audit ";
    private static final String SMS = "{\"to\":\"+447700900123\",\"body\":\"Meet me at the secret garden\"}";

    private static List<String> auditLinesSince(int from) {
        List<String> lines = LogCapture.install().lines();
        return lines.subList(from, lines.size()).stream().filter(line -> line.startsWith(AUDIT))
                .map(line -> line.substring(AUDIT.length(), line.lastIndexOf(' '))) // drop the MDC map
                .toList();
    }

    @Test
    void eachStateChangingRequestIsAuditedWithKeyRouteOutcomeAndMessageId() {
        int from = LogCapture.install().lines().size();
        try (TestServer server = TestServer.start()) {
            HttpResponse<String> sent = server.post("/sms/send", CONTENT_KEY, SMS);
            assertThat(sent.statusCode()).isEqualTo(202);
            String id = TestServer.json(sent).get("message_id").asText();
            server.modem.nextUssdReply(0, "Balance 12.34 EUR");
            assertThat(server.post("/ussd/send", PLAIN_KEY, "{\"code\":\"*100#\"}").statusCode()).isEqualTo(200);
            assertThat(server.post("/sms/send", PLAIN_KEY, "{\"to\":\"+447700900123\"}").statusCode())
                    .isEqualTo(400);
            // Same client, likely the same connection: a refused request must not inherit the previous key.
            assertThat(server.post("/sms/send", "bogus-key-123", SMS).statusCode()).isEqualTo(403);
            assertThat(server.post("/sms/send", null, SMS).statusCode()).isEqualTo(401);
            assertThat(server.get("/healthz", PLAIN_KEY).statusCode()).isEqualTo(200);
            assertThat(server.get("/sms/messages", CONTENT_KEY).statusCode()).isEqualTo(200);

            assertThat(auditLinesSince(from)).containsExactly(
                    "key#1 POST /sms/send -> 202 message " + id,
                    "key#2 POST /ussd/send -> 200",
                    "key#2 POST /sms/send -> 400",
                    "unauthenticated POST /sms/send -> 403",
                    "unauthenticated POST /sms/send -> 401");
        }
    }

    @Test
    void aServerWithoutKeysAuditsAsNoAuthAndAnOversizedBodyIsAuditedToo() {
        int from = LogCapture.install().lines().size();
        try (TestServer server = TestServer.startWith(b -> b.noAuth(true).maxBodyBytes(1024))) {
            HttpResponse<String> sent = server.post("/sms/send", null, SMS);
            assertThat(sent.statusCode()).isEqualTo(202);
            String id = TestServer.json(sent).get("message_id").asText();
            assertThat(server.post("/sms/send", null, "{\"body\":\"" + "x".repeat(4096) + "\"}").statusCode())
                    .isEqualTo(413);

            assertThat(auditLinesSince(from)).containsExactly(
                    "no-auth POST /sms/send -> 202 message " + id,
                    "unauthenticated POST /sms/send -> 413");
        }
    }
}
