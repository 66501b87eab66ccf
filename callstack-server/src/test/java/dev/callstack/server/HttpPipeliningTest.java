package dev.callstack.server;

import static dev.callstack.server.TestServer.PLAIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP/1.1 pipelining over a raw socket ({@code java.net.http} never pipelines): answers go out in request order,
 * however long the first one takes.
 */
class HttpPipeliningTest {
    private static final String SMS = "{\"to\":\"+15550100100\",\"body\":\"pipelined\"}";
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void pipelinedRequestsAreAnsweredInRequestOrderBehindASlowOne() throws Exception {
        server.modem.nextSendHangs();
        try (RawConnection raw = new RawConnection(server.port)) {
            // One write: the codec decodes all of them from the same read.
            // wait= makes the send answer only when the message is final: the slow request.
            raw.write(request("POST", "/sms/send?wait=60", PLAIN_KEY, SMS)
                    + request("GET", "/metrics", PLAIN_KEY, null)
                    + request("GET", "/nope", PLAIN_KEY, null)
                    + request("GET", "/healthz", null, null)
                    + request("HEAD", "/sms/delivery-reports", PLAIN_KEY, null)
                    + request("GET", "/sms/delivery-reports", PLAIN_KEY, null));
            await().atMost(TestServer.TIMEOUT).until(() -> server.modem.sentSms().size() == 1);
            // The send has been waiting on the modem while the fast requests behind it were queued; now the modem
            // goes away mid-send, which makes the message final (unknown: it may have left).
            server.modem.disconnect("test");

            RawConnection.Response send = raw.readResponse(false);
            assertThat(send.status()).isEqualTo(200);
            assertThat(send.body()).contains("\"status\":\"unknown\"");
            RawConnection.Response metrics = raw.readResponse(false);
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.headers().get("content-type")).startsWith("text/plain");
            assertThat(raw.readResponse(false).status()).isEqualTo(404);
            assertThat(raw.readResponse(false).status()).isEqualTo(401);
            RawConnection.Response head = raw.readResponse(true);
            assertThat(head.status()).isEqualTo(200);
            RawConnection.Response reports = raw.readResponse(false);
            assertThat(reports.status()).isEqualTo(200);
            assertThat(reports.body()).contains("delivery_reports");
            assertThat(head.headers().get("content-length")).isEqualTo(reports.headers().get("content-length"));
        }
    }

    private static String request(String method, String path, String key, String body) {
        StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\n");
        if (key != null) {
            request.append("Authorization: Bearer ").append(key).append("\r\n");
        }
        if (body != null) {
            request.append("Content-Type: application/json\r\nContent-Length: ").append(body.length()).append("\r\n");
        }
        request.append("\r\n");
        if (body != null) {
            request.append(body);
        }
        return request.toString();
    }
}
