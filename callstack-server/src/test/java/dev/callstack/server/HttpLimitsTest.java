package dev.callstack.server;

import static dev.callstack.server.TestServer.PLAIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 11 §4, the HTTP limits: request timeout (slowloris), header size, connection cap. Each test attacks the real
 * server over a raw socket with a small configured limit.
 */
@ExtendWith(NoPiiInLogs.class)
class HttpLimitsTest {
    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(400);
    private final ScheduledExecutorService dripper = Executors.newSingleThreadScheduledExecutor();
    private TestServer server;

    @AfterEach
    void stop() {
        dripper.shutdownNow();
        if (server != null) {
            server.close();
        }
    }

    private void start(int maxConnections) {
        server = TestServer.start(b -> b.requestTimeout(REQUEST_TIMEOUT).maxConnections(maxConnections));
    }

    /** Writes one byte of {@code text} every 50 ms, as a slowloris client does, until the connection fails. */
    private ScheduledFuture<?> drip(RawConnection raw, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        int[] next = {0};
        return dripper.scheduleAtFixedRate(() -> {
            try {
                raw.write(new byte[] {bytes[next[0]++ % bytes.length]});
            } catch (IOException closed) {
                throw new IllegalStateException("closed", closed); // ends the schedule
            }
        }, 0, 50, TimeUnit.MILLISECONDS);
    }

    private static void assertTimedOut(RawConnection raw) throws IOException {
        RawConnection.Response response = raw.readResponse(false);
        assertThat(response.status()).isEqualTo(408);
        assertThat(response.body()).isEqualTo("{\"error\":\"request timed out\"}");
        assertThat(response.headers().get("connection")).isEqualTo("close");
        assertThat(raw.atEndOfStream()).isTrue();
    }

    @Test
    void aSlowlorisClientDrippingHeadersGets408AndIsClosed() throws IOException {
        start(16);
        try (RawConnection raw = new RawConnection(server.port)) {
            // Never idle (the idle timeout is 30 s), never done: only the request deadline ends it.
            raw.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            ScheduledFuture<?> dripping = drip(raw, "X-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n");
            assertTimedOut(raw);
            dripping.cancel(false);
        }
        assertThat(server.metric("callstack_http_refusals_total{reason=\"request_timeout\"}")).isEqualTo(1.0);
    }

    @Test
    void aBodyThatNeverCompletesGets408AndNothingIsSent() throws IOException {
        start(16);
        try (RawConnection raw = new RawConnection(server.port)) {
            raw.write("POST /sms/send HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + PLAIN_KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"to\":");
            ScheduledFuture<?> dripping = drip(raw, " ");
            assertTimedOut(raw);
            dripping.cancel(false);
        }
        assertThat(server.modem.sentSms()).isEmpty();
    }

    @Test
    void aConnectionThatStopsMidRequestLineGets408() throws IOException {
        start(16);
        try (RawConnection raw = new RawConnection(server.port)) {
            raw.write("GET /hea");
            assertTimedOut(raw);
        }
    }

    @Test
    void theServerTakingLongerThanTheTimeoutToAnswerIsNotTheClientsFault() throws Exception {
        start(16);
        server.modem.nextSendHangs();
        CompletableFuture<java.net.http.HttpResponse<String>> pending = CompletableFuture.supplyAsync(
                () -> server.post("/sms/send?wait=60", PLAIN_KEY, "{\"to\":\"+15550100100\",\"body\":\"x\"}"));
        await().atMost(TestServer.TIMEOUT).until(() -> !server.modem.sentSms().isEmpty());
        // Several request timeouts pass while the modem hangs.
        await().during(REQUEST_TIMEOUT.multipliedBy(3)).atMost(TestServer.TIMEOUT).until(() -> !pending.isDone());
        server.modem.disconnect("test");
        // The send was in flight: the message ends unknown, and the waiting request gets it.
        assertThat(pending.get(TestServer.TIMEOUT.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void anOpenWebSocketIsNotSubjectToTheRequestTimeout() {
        start(16);
        try (WsClient client = WsClient.connect(server, "/ws", PLAIN_KEY)) {
            client.next();
            await().during(REQUEST_TIMEOUT.multipliedBy(3)).atMost(TestServer.TIMEOUT)
                    .until(() -> server.server.realtimeClients() == 1 && !client.closed.isDone());
        }
    }

    @Test
    void headersOver8KiBGet431() throws IOException {
        start(16);
        try (RawConnection raw = new RawConnection(server.port)) {
            raw.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + PLAIN_KEY
                    + "\r\nX-Big: " + "b".repeat(9 * 1024) + "\r\n\r\n");
            RawConnection.Response response = raw.readResponse(false);
            assertThat(response.status()).isEqualTo(431);
            assertThat(response.body()).isEqualTo("{\"error\":\"request headers too large\"}");
            assertThat(response.headers().get("connection")).isEqualTo("close");
        }
        try (RawConnection raw = new RawConnection(server.port)) {
            raw.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + PLAIN_KEY
                    + "\r\nX-Big: " + "b".repeat(7 * 1024) + "\r\n\r\n");
            assertThat(raw.readResponse(false).status()).isEqualTo(200);
        }
        assertThat(server.metric("callstack_http_refusals_total{reason=\"headers_too_large\"}")).isEqualTo(1.0);
    }

    @Test
    void connectionsPastTheCapAreClosedAtOnceAndCounted() throws IOException {
        start(2);
        try (RawConnection first = new RawConnection(server.port);
             RawConnection second = new RawConnection(server.port)) {
            for (RawConnection admitted : new RawConnection[] {first, second}) {
                admitted.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + PLAIN_KEY
                        + "\r\n\r\n");
                assertThat(admitted.readResponse(false).status()).isEqualTo(200);
            }
            try (RawConnection third = new RawConnection(server.port)) {
                assertThat(third.atEndOfStream()).as("closed without an answer").isTrue();
            }
            // The admitted ones still work.
            first.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + PLAIN_KEY
                    + "\r\n\r\n");
            assertThat(first.readResponse(false).status()).isEqualTo(200);
        }
        // Once they are gone, a slot is free again (the server sees the close a moment later).
        await().atMost(TestServer.TIMEOUT).ignoreExceptions().untilAsserted(() ->
                assertThat(server.metric("callstack_http_connections_rejected_total")).isGreaterThanOrEqualTo(1.0));
    }
}
