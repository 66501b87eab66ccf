package dev.callstack.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callstack.server.WebhookReceiver.Answer;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's whole pipeline with content everywhere (send with an idempotency key, receive, a content webhook with a
 * token in its URL query, a failed then retried delivery, a redelivery, a journal replay over /ws and /events) and the
 * logs captured: no number, body, API key, idempotency key, webhook secret or URL query in any line.
 */
class PipelinePrivacyTest {
    private static final String NUMBER = "+15550100100";
    private static final String BODY = "Meet me at the secret garden";
    private static final String IDEM = "idem-private-Tq83Lm";
    private static final String QUERY_TOKEN = "query-token-Nx72Bc";

    @Test
    void nothingPrivateReachesTheLogs() throws Exception {
        int from = LogCapture.install().lines().size();
        String secret;
        try (WebhookReceiver receiver = WebhookReceiver.start(Answer.FAIL);
             TestServer t = TestServer.start(b -> b.apiKey(WebhooksTest.ADMIN_CONTENT_KEY, Privilege.ADMIN,
                     Privilege.CONTENT, Privilege.SEND).apiKey(WebhooksTest.ADMIN_KEY, Privilege.ADMIN)
                     .webhookAllowPrivate(true)
                     .webhookTiming(WebhooksTest.fast(Clock.systemUTC(), 4)))) {
            String key = WebhooksTest.ADMIN_CONTENT_KEY;
            JsonNode created = TestServer.json(t.post("/webhooks", key, "{\"url\":\"" + receiver.url("/h")
                    + "?token=" + QUERY_TOKEN + "\",\"content\":true}"));
            secret = created.get("secret").asText();
            String hook = created.get("id").asText();

            t.send(t.request("/sms/send?wait=30", key).header("Content-Type", "application/json")
                    .header("Idempotency-Key", IDEM).POST(HttpRequest.BodyPublishers.ofString(
                            "{\"to\":\"" + NUMBER + "\",\"body\":\"" + BODY + "\"}")).build());
            t.modem.receiveSms(NUMBER, BODY);
            await().atMost(TestServer.TIMEOUT).until(() -> receiver.received().size() >= 2);
            receiver.answer(Answer.OK);
            await().atMost(TestServer.TIMEOUT).until(() -> receiver.received().stream()
                    .anyMatch(r -> r.body().contains(BODY)) && WebhooksTest.deliveries(t, hook).findValuesAsText(
                            "status").stream().allMatch("delivered"::equals));
            String eventId = receiver.received().get(0).id();
            t.post("/webhooks/" + hook + "/redeliver", key, "{\"event_id\":" + eventId + "}");
            assertThat(t.get("/events?since=0", key).body()).contains(BODY);
            try (WsClient replay = WsClient.connect(t, "/ws?since=0", key)) {
                replay.nextJson();
                assertThat(replay.nextJson().toString()).contains(NUMBER);
            }
            t.get("/sms/outbox/1", key);
            t.get("/webhooks/" + hook + "/deliveries", key);
        }
        List<String> lines = LogCapture.install().lines();
        List<String> ours = lines.subList(from, lines.size());
        assertThat(ours).isNotEmpty();
        for (String forbidden : List.of(NUMBER, "15550100100", BODY, "secret garden", IDEM, QUERY_TOKEN,
                WebhooksTest.ADMIN_CONTENT_KEY, secret.substring("whsec_".length()))) {
            assertThat(ours).as(forbidden).noneMatch(line -> line.contains(forbidden));
        }
    }
}
