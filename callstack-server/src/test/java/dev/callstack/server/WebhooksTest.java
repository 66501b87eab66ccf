package dev.callstack.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callstack.server.WebhookReceiver.Answer;
import dev.callstack.server.WebhookReceiver.Received;
import dev.callstack.server.internal.webhook.WebhookTiming;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhooks against the real server and a real receiver (JDK HttpServer on 127.0.0.1): the failure sequence of issue
 * 13 (500, timeout, refused connection, success) with the signature checked independently, redirects, huge answers,
 * ordering, a restart between retries, privileges and content gating, and nothing secret in the logs.
 */
@ExtendWith(NoPiiInLogs.class)
class WebhooksTest {
    static final String ADMIN_KEY = "admin-key-Wb55tR-0001";
    static final String ADMIN_CONTENT_KEY = "admin-content-key-Lm66yU";
    static final String FROM = "+15550100100";
    static final String TEXT = "Meet me at the secret garden";
    /** A token in the receiver's path, as Home Assistant webhook URLs carry one: never logged. */
    static final String URL_TOKEN = "hook-token-Vq31Xe";

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        List<String> lines = LogCapture.install().lines();
        for (String secret : secrets) {
            assertThat(lines).noneMatch(line -> line.contains(secret.substring("whsec_".length())));
        }
        assertThat(lines).noneMatch(line -> line.contains(URL_TOKEN) || line.contains(ADMIN_KEY)
                || line.contains(ADMIN_CONTENT_KEY));
    }

    /**
     * Short retries and polls for tests. The request timeout is 2 s, not less: on a loaded 2-core CI box an attempt
     * that the receiver already counted could otherwise time out on the server's side and be retried, and the tests
     * that count exact deliveries would see a (legitimate, at-least-once) duplicate.
     */
    static WebhookTiming fast(Clock clock, int window) {
        return new WebhookTiming(clock, Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofHours(24),
                Duration.ofDays(5), Duration.ofSeconds(2), Duration.ofMillis(20), window);
    }

    private TestServer server(Consumer<CallstackServerBuilder> more) {
        TestServer t = TestServer.start(b -> {
            b.apiKey(ADMIN_KEY, Privilege.ADMIN).apiKey(ADMIN_CONTENT_KEY, Privilege.ADMIN, Privilege.CONTENT)
                    .webhookAllowPrivate(true).webhookTiming(fast(Clock.systemUTC(), 4));
            more.accept(b);
        });
        open.add(t);
        return t;
    }

    private WebhookReceiver receiver(Answer answer) throws Exception {
        WebhookReceiver r = WebhookReceiver.start(answer);
        open.add(r);
        return r;
    }

    private JsonNode create(TestServer t, String key, String url, String events, boolean content) {
        HttpResponse<String> created = t.post("/webhooks", key,
                "{\"url\":\"" + url + "\",\"events\":" + events + ",\"content\":" + content + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode json = TestServer.json(created);
        secrets.add(json.get("secret").asText());
        return json;
    }

    static JsonNode deliveries(TestServer t, String id) {
        HttpResponse<String> response = t.get("/webhooks/" + id + "/deliveries", ADMIN_KEY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestServer.json(response).get("deliveries");
    }

    private static String hookPath() {
        return "/hook/" + URL_TOKEN;
    }

    @Test
    void a500ThenATimeoutThenARefusedConnectionThenSuccessDeliversOnceWithOneIdAndValidSignatures()
            throws Exception {
        WebhookReceiver first = WebhookReceiver.start(Answer.FAIL);
        TestServer t = server(b -> { });
        JsonNode created = create(t, ADMIN_KEY, first.url(hookPath()).toString(), "[\"sms.received\"]", false);
        assertThat(created.get("secret").asText()).startsWith("whsec_");
        assertThat(created.get("events")).hasSize(1);
        String id = created.get("id").asText();
        String secret = created.get("secret").asText();

        t.modem.receiveSms(FROM, TEXT);
        await().atMost(TestServer.TIMEOUT).until(() -> !first.received().isEmpty());
        first.answer(Answer.HANG);
        await().atMost(TestServer.TIMEOUT).until(() -> "timeout".equals(deliveries(t, id).get(0)
                .get("last_error").asText()));
        int port = first.port();
        List<Received> before = first.received();
        first.close(); // connections are refused from now on
        await().atMost(TestServer.TIMEOUT).until(() -> deliveries(t, id).get(0).get("last_error").asText()
                .startsWith("connection failed"));
        WebhookReceiver back = WebhookReceiver.startOn(port, Answer.OK);
        open.add(back);
        await().atMost(TestServer.TIMEOUT).until(() -> "delivered".equals(deliveries(t, id).get(0)
                .get("status").asText()));

        assertThat(back.received()).hasSize(1);
        List<Received> all = new ArrayList<>(before);
        all.addAll(back.received());
        assertThat(all).extracting(Received::id).containsOnly(back.received().get(0).id());
        for (Received r : all) {
            assertThat(WebhookReceiver.verify(secret, r)).as("signature").isTrue();
            assertThat(r.contentType()).isEqualTo("application/json");
            assertThat(r.userAgent()).startsWith("Callstack-Webhooks/");
            assertThat(r.body()).doesNotContain(TEXT).doesNotContain(FROM); // redacted view
        }
        Received delivered = back.received().get(0);
        assertThat(WebhookReceiver.verify("whsec_" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldY", delivered)).isFalse();
        assertThat(Math.abs(Long.parseLong(delivered.timestamp()) - Instant.now().getEpochSecond())).isLessThan(60);
        JsonNode envelope = TestServer.JSON.readTree(delivered.body());
        assertThat(envelope.get("type").asText()).isEqualTo("sms.received");
        assertThat(envelope.get("id").asText()).isEqualTo(delivered.id());
        JsonNode row = deliveries(t, id).get(0);
        assertThat(row.get("attempts").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(row.get("last_status_code").asInt()).isEqualTo(204);
        assertThat(t.metric("callstack_webhook_deliveries_total{result=\"delivered\"}")).isEqualTo(1.0);
        assertThat(t.metric("callstack_webhook_deliveries_total{result=\"failed\"}")).isGreaterThanOrEqualTo(3.0);
        await().atMost(TestServer.TIMEOUT).until(() -> t.metric("callstack_webhook_queue_depth") == 0.0);
    }

    @Test
    void aRedirectIsNotFollowedAndCountsAsAFailure() throws Exception {
        WebhookReceiver r = receiver(Answer.REDIRECT);
        TestServer t = server(b -> { });
        String id = create(t, ADMIN_KEY, r.url("/start").toString(), "[]", false).get("id").asText();
        t.modem.receiveSms(FROM, TEXT);
        await().atMost(TestServer.TIMEOUT).until(() -> deliveries(t, id).size() == 1
                && deliveries(t, id).get(0).get("attempts").asInt() >= 2);
        JsonNode row = deliveries(t, id).get(0);
        assertThat(row.get("status").asText()).isEqualTo("failed");
        assertThat(row.get("last_status_code").asInt()).isEqualTo(302);
        assertThat(r.receivedOn("/moved")).isEmpty();
    }

    @Test
    void aHugeAnswerIsReadOnlyInPartAndStillCountsAsDelivered() throws Exception {
        WebhookReceiver r = receiver(Answer.HUGE);
        TestServer t = server(b -> { });
        String id = create(t, ADMIN_KEY, r.url("/big").toString(), "[]", false).get("id").asText();
        for (int i = 0; i < 3; i++) {
            t.modem.receiveSms(FROM, TEXT);
        }
        await().atMost(TestServer.TIMEOUT).until(() -> deliveries(t, id).size() == 3
                && t.get("/webhooks/" + id + "/deliveries?status=delivered", ADMIN_KEY).body()
                .split("\"delivered\"", -1).length - 1 == 3);
        // At least once: an attempt may meet a pooled connection the receiver closed after the previous cut-off
        // answer, fail, and be retried; every event ends delivered.
        assertThat(r.byId()).hasSize(3);
    }

    @Test
    void withAWindowOfOneEventsArriveInIdOrder() throws Exception {
        WebhookReceiver r = receiver(Answer.OK);
        TestServer t = server(b -> b.webhookTiming(fast(Clock.systemUTC(), 1)));
        create(t, ADMIN_KEY, r.url("/ordered").toString(), "[]", false);
        for (int i = 0; i < 20; i++) {
            t.modem.signal(10 + i % 10, 0);
        }
        await().atMost(TestServer.TIMEOUT).until(() -> r.received().size() >= 20);
        List<Long> ids = r.received().stream().map(x -> Long.parseLong(x.id())).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aPendingRetrySurvivesARestartOnTheSameDatabase() throws Exception {
        Path db = dir.resolve("callstack.db");
        WebhookReceiver r = receiver(Answer.FAIL);
        TestServer first = TestServer.start(b -> b.apiKey(ADMIN_KEY, Privilege.ADMIN).webhookAllowPrivate(true)
                .webhookTiming(fast(Clock.systemUTC(), 4)).quotaDatabase(db));
        String id;
        String eventId;
        String secret;
        try (first) {
            JsonNode created = create(first, ADMIN_KEY, r.url("/restart").toString(), "[]", false);
            id = created.get("id").asText();
            secret = created.get("secret").asText();
            first.modem.receiveSms(FROM, TEXT);
            await().atMost(TestServer.TIMEOUT).until(() -> deliveries(first, id).size() == 1
                    && "failed".equals(deliveries(first, id).get(0).get("status").asText()));
            eventId = deliveries(first, id).get(0).get("event_id").asText();
        }
        int failedAttempts = r.received().size();
        r.answer(Answer.OK);
        TestServer second = server(b -> b.quotaDatabase(db));
        await().atMost(TestServer.TIMEOUT).until(() -> "delivered".equals(deliveries(second, id).get(0)
                .get("status").asText()));
        List<Received> after = r.received().subList(failedAttempts, r.received().size());
        assertThat(after).hasSize(1);
        assertThat(after.get(0).id()).isEqualTo(eventId);
        assertThat(WebhookReceiver.verify(secret, after.get(0))).isTrue();
    }

    @Test
    void onlyAdminKeysManageWebhooksAndOnlyContentKeysGetContent() throws Exception {
        WebhookReceiver r = receiver(Answer.OK);
        TestServer t = server(b -> { });
        String url = r.url("/c").toString();
        String body = "{\"url\":\"" + url + "\"}";
        for (String key : List.of(TestServer.CONTENT_KEY, TestServer.PLAIN_KEY, TestServer.READ_KEY)) {
            TestServer.assertJson(t.post("/webhooks", key, body), 403, "{\"error\":\"missing privilege 'admin'\"}");
            TestServer.assertJson(t.get("/webhooks", key), 403, "{\"error\":\"missing privilege 'admin'\"}");
            TestServer.assertJson(t.post("/sms/subscribe", key, body), 403,
                    "{\"error\":\"missing privilege 'admin'\"}");
        }
        TestServer.assertJson(t.post("/webhooks", ADMIN_KEY, "{\"url\":\"" + url + "\",\"content\":true}"), 403,
                "{\"error\":\"missing privilege 'content'\"}");
        TestServer.assertJson(t.post("/webhooks", ADMIN_KEY, "{\"url\":\"" + url + "\",\"events\":[\"sms.nope\"]}"),
                400, "{\"error\":\"'events' must be an array of event names\"}");
        TestServer.assertJson(t.post("/webhooks", ADMIN_KEY, "{\"url\":\"" + url + "\",\"content\":\"yes\"}"),
                400, "{\"error\":\"'content' must be true or false\"}");
        TestServer.assertJson(t.post("/webhooks", ADMIN_KEY, "{}"), 400, "{\"error\":\"missing 'url'\"}");
        String full = create(t, ADMIN_CONTENT_KEY, url, "[\"sms.received\"]", true).get("id").asText();
        String redacted = create(t, ADMIN_CONTENT_KEY, r.url("/r").toString(), "[\"sms.received\"]", false)
                .get("id").asText();

        HttpResponse<String> list = t.get("/webhooks", ADMIN_KEY);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).doesNotContain("secret").doesNotContain("whsec_");
        assertThat(TestServer.json(list).get("webhooks")).hasSize(2);

        t.modem.receiveSms(FROM, TEXT);
        await().atMost(TestServer.TIMEOUT).until(() -> r.received().size() == 2);
        assertThat(r.receivedOn("/c").get(0).body()).contains(TEXT).contains(FROM);
        assertThat(r.receivedOn("/r").get(0).body()).doesNotContain(TEXT).doesNotContain(FROM);

        // Redelivery: an event the journal holds comes again with the same webhook-id; one it does not is a 404.
        String eventId = r.receivedOn("/c").get(0).id();
        TestServer.assertJson(t.post("/webhooks/" + full + "/redeliver", ADMIN_KEY, "{\"event_id\":" + eventId + "}"),
                202, "{\"status\":\"queued\",\"event_id\":" + eventId + "}");
        await().atMost(TestServer.TIMEOUT).until(() -> r.receivedOn("/c").size() == 2);
        assertThat(r.receivedOn("/c").get(1).id()).isEqualTo(eventId);
        TestServer.assertJson(t.post("/webhooks/" + full + "/redeliver", ADMIN_KEY, "{\"event_id\":999999}"), 404,
                "{\"error\":\"event not in the journal\"}");
        TestServer.assertJson(t.post("/webhooks/" + full + "/redeliver", ADMIN_KEY, "{\"event_id\":\"1\"}"), 400,
                "{\"error\":\"'event_id' must be a positive integer\"}");
        TestServer.assertJson(t.post("/webhooks/wh_nope/redeliver", ADMIN_KEY, "{\"event_id\":1}"), 404,
                "{\"error\":\"not found\"}");
        TestServer.assertJson(t.get("/webhooks/" + full + "/deliveries?status=bogus", ADMIN_KEY), 400,
                "{\"error\":\"invalid 'status': pending, failed, dead or delivered\"}");
        TestServer.assertJson(t.get("/webhooks/wh_nope/deliveries", ADMIN_KEY), 404, "{\"error\":\"not found\"}");

        assertThat(t.send(t.request("/webhooks/" + redacted, ADMIN_KEY).DELETE().build()).statusCode())
                .isEqualTo(204);
        TestServer.assertJson(t.send(t.request("/webhooks/" + redacted, ADMIN_KEY).DELETE().build()), 404,
                "{\"error\":\"not found\"}");
        TestServer.assertJson(t.send(t.request("/webhooks/a/b/c", ADMIN_KEY).DELETE().build()), 404,
                "{\"error\":\"not found\"}");
        assertThat(TestServer.json(t.get("/webhooks", ADMIN_KEY)).get("webhooks")).hasSize(1);
    }

    @Test
    void smsSubscribeAnswersTheOriginalShapeAndDeliversOnlyReceivedSms() throws Exception {
        WebhookReceiver r = receiver(Answer.OK);
        TestServer t = server(b -> { });
        String url = r.url("/legacy").toString();
        HttpResponse<String> subscribed = t.post("/sms/subscribe", ADMIN_KEY, "{\"url\":\"" + url + "\"}");
        assertThat(subscribed.statusCode()).isEqualTo(200);
        JsonNode json = TestServer.json(subscribed);
        assertThat(json.get("status").asText()).isEqualTo("subscribed");
        assertThat(json.get("url").asText()).isEqualTo(url);
        secrets.add(json.get("secret").asText());
        t.modem.signal(12, 0);
        t.modem.receiveSms(FROM, TEXT);
        await().atMost(TestServer.TIMEOUT).until(() -> !r.received().isEmpty());
        assertThat(r.received()).hasSize(1);
        assertThat(TestServer.JSON.readTree(r.received().get(0).body()).get("type").asText())
                .isEqualTo("sms.received");
        assertThat(WebhookReceiver.verify(json.get("secret").asText(), r.received().get(0))).isTrue();
    }

    @Test
    void privateAndLoopbackTargetsAreRefusedAtCreationWithoutTheFlag() throws Exception {
        WebhookReceiver r = receiver(Answer.OK);
        TestServer t = TestServer.start(b -> b.apiKey(ADMIN_KEY, Privilege.ADMIN));
        open.add(t);
        java.util.Map<String, String> refused = java.util.Map.of(
                r.url("/x").toString(), "webhook URL resolves to a loopback address",
                "http://localhost:" + r.port() + "/x", "webhook URL resolves to a loopback address",
                "http://10.0.0.8/x", "webhook URL resolves to a private address",
                "http://[fd00:ec2::254]/latest", "webhook URL resolves to a cloud metadata address",
                "http://169.254.169.254/latest/meta-data", "webhook URL resolves to a cloud metadata address",
                "http://100.64.0.9/x", "webhook URL resolves to a shared (CGNAT) address",
                "http://[fe80::1]/x", "webhook URL resolves to a link-local address",
                "ftp://93.184.216.34/x", "webhook URL must use http or https",
                "not a url", "'url' is not a valid URL");
        refused.forEach((url, reason) -> {
            TestServer.assertJson(t.post("/webhooks", ADMIN_KEY, "{\"url\":\"" + url + "\"}"), 400,
                    "{\"error\":\"" + reason + "\"}");
            TestServer.assertJson(t.post("/sms/subscribe", ADMIN_KEY, "{\"url\":\"" + url + "\"}"), 400,
                    "{\"error\":\"" + reason + "\"}");
        });
        assertThat(TestServer.json(t.get("/webhooks", ADMIN_KEY)).get("webhooks")).isEmpty();
        assertThat(r.received()).isEmpty();
    }

    @Test
    void aStaticWebhookFromTheBuilderReceivesEveryEventAndTheSecretIsNotListed() throws Exception {
        WebhookReceiver r = receiver(Answer.OK);
        String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString(
                "static-secret-bytes-0123456789ab".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        secrets.add(secret);
        TestServer t = server(b -> b.webhook(r.url("/static/" + URL_TOKEN), secret, false));
        t.modem.signal(20, 0);
        t.modem.receiveSms(FROM, TEXT);
        await().atMost(TestServer.TIMEOUT).until(() -> r.received().size() == 2);
        assertThat(r.received()).allSatisfy(x -> assertThat(WebhookReceiver.verify(secret, x)).isTrue());
        assertThat(r.received()).allSatisfy(x -> assertThat(x.body()).doesNotContain(TEXT));
        HttpResponse<String> list = t.get("/webhooks", ADMIN_KEY);
        assertThat(TestServer.json(list).get("webhooks").get(0).get("id").asText()).isEqualTo("static");
        assertThat(list.body()).doesNotContain(secret.substring(6));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() ->
                CallstackServer.builder(t.modem).webhook(r.url("/x"), "not-a-secret-Yy12", false))
                .withMessage("webhook secret must start with 'whsec_'");
    }
}
