package dev.callstack.server;

import static dev.callstack.server.TestServer.assertJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callstack.server.WebhookReceiver.Answer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile webhook requests and receivers against the real server: SSRF literal tricks, oversized bodies, a receiver
 * that trickles, redelivery of ids that do not exist, and the admin privilege on every webhook route.
 */
@ExtendWith(NoPiiInLogs.class)
class WebhookAttackTest {
    private static final String ADMIN_KEY = WebhooksTest.ADMIN_KEY;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private TestServer server(boolean allowPrivate) {
        TestServer t = TestServer.start(b -> b.apiKey(ADMIN_KEY, Privilege.ADMIN).webhookAllowPrivate(allowPrivate)
                .webhookTiming(WebhooksTest.fast(Clock.systemUTC(), 4)));
        open.add(t);
        return t;
    }

    private WebhookReceiver receiver() throws Exception {
        WebhookReceiver r = WebhookReceiver.start(Answer.OK);
        open.add(r);
        return r;
    }

    @Test
    void loopbackInDisguiseIsRefusedAtCreation() throws Exception {
        WebhookReceiver r = receiver();
        TestServer t = server(false);
        int port = r.port();
        List<String> hosts = List.of("[::1]", "[0:0:0:0:0:0:0:1]", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]",
                "0.0.0.0", "0", "[::]", "127.1", "127.0.0.255", "2130706433", "0x7f000001", "0x7f.0.0.1",
                "169.254.169.254", "[::ffff:169.254.169.254]", "2852039166", "LOCALHOST", "localhost.",
                "[::ffff:10.0.0.1]", "192.168.1.1", "172.31.255.255");
        List<String> accepted = new ArrayList<>();
        for (String host : hosts) {
            HttpResponse<String> response = t.post("/webhooks", ADMIN_KEY,
                    "{\"url\":\"http://" + host + ":" + port + "/x\"}");
            assertThat(response.statusCode()).as(host + " -> " + response.body()).isIn(201, 400);
            TestServer.json(response);
            if (response.statusCode() == 201) {
                accepted.add(host);
            }
        }
        assertThat(accepted).isEmpty();
        t.modem.signal(20, 0);
        assertThat(r.received()).isEmpty();
    }

    @Test
    void octalLookingAddressesNeverReachTheLoopbackReceiver() throws Exception {
        WebhookReceiver r = receiver();
        TestServer t = server(false);
        for (String host : List.of("0177.0.0.1", "0177.1", "017700000001", "[::127.0.0.1]", "[64:ff9b::7f00:1]")) {
            HttpResponse<String> response = t.post("/webhooks", ADMIN_KEY,
                    "{\"url\":\"http://" + host + ":" + r.port() + "/x\"}");
            assertThat(response.statusCode()).as(host + " -> " + response.body()).isIn(201, 400);
        }
        t.modem.signal(20, 0);
        t.modem.signal(21, 0);
        // Whatever the ambiguous forms are taken for, none of them is the loopback receiver.
        JsonNode hooks = TestServer.json(t.get("/webhooks", ADMIN_KEY)).get("webhooks");
        for (JsonNode hook : hooks) {
            await().atMost(TestServer.TIMEOUT).until(() -> !WebhooksTest.deliveries(t, hook.get("id").asText())
                    .isEmpty());
        }
        assertThat(r.received()).isEmpty();
    }

    @Test
    void oversizedAndMalformedCreationsAre4xx() throws Exception {
        WebhookReceiver r = receiver();
        TestServer t = server(true);
        String url = r.url("/x").toString();
        for (String body : List.of("{\"url\":\"" + url + "?q=" + "a".repeat(70_000) + "\"}",
                "{\"url\":\"" + url + "\",\"events\":[" + "\"sms.received\",".repeat(3000) + "\"sms.received\"]}",
                "{\"url\":\"" + url + "\",\"events\":\"sms.received\"}", "{\"url\":[\"" + url + "\"]}",
                "{\"url\":\"http://[::1\"}", "{\"url\":\"http://%31%32%37.0.0.1/\"}", "{\"url\":\"http:///x\"}",
                "{\"url\":\"http://user:pw@" + url.substring(7) + "\"}", "{\"url\":\"" + url + "#frag\"}",
                "{\"url\":\"javascript:alert(1)\"}", "{\"url\":\"file:///etc/passwd\"}", "[]", "null", "{")) {
            HttpResponse<String> response = t.post("/webhooks", ADMIN_KEY, body);
            assertThat(response.statusCode()).as(body.length() > 200 ? body.substring(0, 200) : body)
                    .isBetween(400, 499);
            TestServer.json(response);
        }
        assertThat(TestServer.json(t.get("/webhooks", ADMIN_KEY)).get("webhooks")).isEmpty();
    }

    @Test
    void aTricklingReceiverCostsOneBoundedAttemptAndOthersStillReceive() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket trickle = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!trickle.isClosed()) {
                    try {
                        Socket s = trickle.accept();
                        connections.incrementAndGet();
                        Thread writer = new Thread(() -> trickle(s), "trickle-writer");
                        writer.setDaemon(true);
                        writer.start();
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            }, "trickle-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
            WebhookReceiver good = receiver();
            TestServer t = server(true);
            String slow = TestServer.json(t.post("/webhooks", ADMIN_KEY, "{\"url\":\"http://127.0.0.1:"
                    + trickle.getLocalPort() + "/slow\"}")).get("id").asText();
            assertThat(t.post("/webhooks", ADMIN_KEY, "{\"url\":\"" + good.url("/good") + "\"}").statusCode())
                    .isEqualTo(201);

            t.modem.signal(20, 0);

            await().atMost(TestServer.TIMEOUT).until(() -> good.received().size() == 1);
            // The trickler is cut off after the bounded attempt and retried: the delivery is failed, not stuck.
            await().atMost(TestServer.TIMEOUT).until(() -> connections.get() >= 2);
            JsonNode failed = WebhooksTest.deliveries(t, slow);
            assertThat(failed).isNotEmpty();
            t.modem.signal(21, 0);
            await().atMost(TestServer.TIMEOUT).until(() -> good.received().size() == 2);
        }
    }

    /** Reads the request head, then answers a status line and headers one byte a second, forever. */
    private static void trickle(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            byte[] buffer = new byte[8192];
            int read = in.read(buffer);
            if (read < 0) {
                return;
            }
            byte[] answer = "HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; ; i++) {
                out.write(i < answer.length ? answer[i] : 'a');
                out.flush();
                // A deliberate trickle, not a wait for something: it is the attack.
                Thread.sleep(200);
            }
        } catch (java.io.IOException | InterruptedException cut) {
            // the server gave up on us: that is the point
        }
    }

    @Test
    void redeliveryOfIdsThatDoNotExistIs4xx() throws Exception {
        WebhookReceiver r = receiver();
        TestServer t = server(true);
        String id = TestServer.json(t.post("/webhooks", ADMIN_KEY, "{\"url\":\"" + r.url("/x") + "\"}"))
                .get("id").asText();
        for (String body : List.of("{\"event_id\":0}", "{\"event_id\":-1}", "{\"event_id\":9223372036854775807}",
                "{\"event_id\":99999999999999999999}", "{\"event_id\":1e3}", "{\"event_id\":1.5}",
                "{\"event_id\":null}", "{}", "[]", "{\"event_id\":[1]}", "", "{")) {
            HttpResponse<String> response = t.post("/webhooks/" + id + "/redeliver", ADMIN_KEY, body);
            assertThat(response.statusCode()).as(body + " -> " + response.body()).isBetween(400, 404);
            TestServer.json(response);
        }
        for (String hook : List.of("..", "%2e%2e", "wh_%00", "x".repeat(2000))) {
            HttpResponse<String> response = t.post("/webhooks/" + hook + "/redeliver", ADMIN_KEY, "{\"event_id\":1}");
            assertThat(response.statusCode()).as(hook).isBetween(400, 404);
        }
        assertThat(r.received()).isEmpty();
    }

    @Test
    void everyWebhookRouteNeedsAdmin() throws Exception {
        WebhookReceiver r = receiver();
        TestServer t = server(true);
        String id = TestServer.json(t.post("/webhooks", ADMIN_KEY, "{\"url\":\"" + r.url("/x") + "\"}"))
                .get("id").asText();
        String denied = "{\"error\":\"missing privilege 'admin'\"}";
        for (String key : List.of(TestServer.CONTENT_KEY, TestServer.PLAIN_KEY, TestServer.READ_KEY)) {
            assertJson(t.get("/webhooks/" + id + "/deliveries", key), 403, denied);
            assertJson(t.get("/webhooks/" + id + "/deliveries?status=failed", key), 403, denied);
            assertJson(t.post("/webhooks/" + id + "/redeliver", key, "{\"event_id\":1}"), 403, denied);
            assertJson(t.send(t.request("/webhooks/" + id, key).DELETE().build()), 403, denied);
            assertJson(t.get("/webhooks/nope/deliveries", key), 403, denied);
        }
        assertThat(t.get("/webhooks/" + id + "/deliveries", null).statusCode()).isEqualTo(401);
        assertThat(TestServer.json(t.get("/webhooks", ADMIN_KEY)).get("webhooks")).hasSize(1);
    }
}
