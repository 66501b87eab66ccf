package dev.callstack.server;

import static dev.callstack.server.TestServer.PLAIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox's figures on {@code /metrics}: messages queued and sends by result, from the outbox's own events, and the
 * backlog gauges (pending count, oldest pending age) refreshed on their timer.
 */
class OutboxMetricsTest {
    private static final String SMS = "{\"to\":\"+15550100100\",\"body\":\"hi\"}";
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
    void sendsAreCountedByResultAndEverySeriesExistsFromTheStart() {
        for (String result : new String[] {"queued", "sent", "failed", "expired", "unknown", "partially_sent"}) {
            assertThat(server.metric("callstack_outbox_messages_total{result=\"" + result + "\"}"))
                    .as(result).isZero();
        }
        server.modem.nextSendSucceeds(3);
        server.post("/sms/send?wait=30", PLAIN_KEY, SMS);
        server.modem.nextSendRejected();
        server.post("/sms/send?wait=30", PLAIN_KEY, SMS);
        server.modem.nextSendTimesOut();
        server.post("/sms/send?wait=30", PLAIN_KEY, SMS);

        await().atMost(TestServer.TIMEOUT).untilAsserted(() -> {
            assertThat(server.metric("callstack_outbox_messages_total{result=\"queued\"}")).isEqualTo(3);
            assertThat(server.metric("callstack_outbox_messages_total{result=\"sent\"}")).isEqualTo(1);
            assertThat(server.metric("callstack_outbox_messages_total{result=\"failed\"}")).isEqualTo(1);
            assertThat(server.metric("callstack_outbox_messages_total{result=\"unknown\"}")).isEqualTo(1);
        });
    }

    @Test
    void backlogGaugesShowWhatWaitsAndFallBackToZeroOnceItIsSent() {
        assertThat(server.metric("callstack_outbox_pending")).isZero();
        assertThat(server.metric("callstack_outbox_oldest_pending_age_seconds")).isZero();
        server.modem.outbox().hold();
        assertThat(server.post("/sms/send", PLAIN_KEY, SMS).statusCode()).isEqualTo(202);
        assertThat(server.post("/sms/send", PLAIN_KEY, SMS).statusCode()).isEqualTo(202);

        await().atMost(TestServer.TIMEOUT).untilAsserted(() -> {
            assertThat(server.metric("callstack_outbox_pending")).isEqualTo(2);
            assertThat(server.metric("callstack_outbox_oldest_pending_age_seconds")).isGreaterThanOrEqualTo(0);
        });
        server.modem.outbox().release();
        await().atMost(TestServer.TIMEOUT).untilAsserted(() ->
                assertThat(server.metric("callstack_outbox_pending")).isZero());
    }
}
