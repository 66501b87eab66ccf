package dev.callstack.server;

import static dev.callstack.server.TestServer.PLAIN_KEY;
import static dev.callstack.server.TestServer.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11 §1: what a web page in the operator's browser can make the server do. Each test is an attack (or the
 * legitimate request next to it) against the real server; the attacks are refused before the body is read and
 * before anything reaches the modem.
 */
@ExtendWith(NoPiiInLogs.class)
class CrossSiteRequestsTest {
    private static final String SMS = "{\"to\":\"+15550100100\",\"body\":\"x\"}";
    private static final String UPGRADE = String.join("\r\n", "Upgrade: websocket", "Connection: Upgrade",
            "Sec-WebSocket-Version: 13", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "");
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(b -> b.allowedOrigins(List.of("http://localhost:3000")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String contentType, String body, String... headers) {
        HttpRequest.Builder request = server.request("/sms/send", PLAIN_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return server.send(request.build());
    }

    private RawConnection.Response raw(String request) throws IOException {
        try (RawConnection raw = new RawConnection(server.port)) {
            raw.write(request);
            return raw.readResponse(false);
        }
    }

    // ------------------------------------------------------------------------------------------- content type

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/jsonx", "text/json", ""})
    void aBodyThatAFormCouldSendIs415AndSendsNothing(String contentType) {
        HttpResponse<String> response = post(contentType.isEmpty() ? null : contentType, SMS);
        assertJson(response, 415, "{\"error\":\"Content-Type must be application/json\"}");
        assertThat(server.modem.sentSms()).isEmpty();
    }

    @Test
    void theIssuesCurlAttackIsRefused() {
        // curl -H 'Content-Type: text/plain' -H 'Origin: https://evil.example' -H 'Sec-Fetch-Site: cross-site' ...
        HttpResponse<String> response = post("text/plain", SMS, "Origin", "https://evil.example",
                "Sec-Fetch-Site", "cross-site");
        assertThat(response.statusCode()).isIn(403, 415);
        assertThat(server.modem.sentSms()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8"
})
    void jsonWithOrWithoutParametersIsAccepted(String contentType) {
        assertThat(post(contentType, SMS).statusCode()).isEqualTo(202);
        assertThat(server.modem.sentSms()).hasSize(1);
    }

    @Test
    void theContentTypeIsJudgedBeforeTheBodyIsRead() throws IOException {
        // A declared body that never comes: the 415 cannot wait for it.
        try (RawConnection raw = new RawConnection(server.port)) {
            raw.write("POST /sms/send HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + PLAIN_KEY
                    + "\r\nContent-Type: text/plain\r\nContent-Length: 60000\r\n\r\n");
            RawConnection.Response response = raw.readResponse(false);
            assertThat(response.status()).isEqualTo(415);
            assertThat(response.headers().get("connection")).isEqualTo("close");
        }
        // Expect: 100-continue gets the 415 instead of a 100 Continue.
        try (RawConnection raw = new RawConnection(server.port)) {
            raw.write("POST /sms/send HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + PLAIN_KEY
                    + "\r\nContent-Type: text/plain\r\nContent-Length: 30\r\nExpect: 100-continue\r\n\r\n");
            assertThat(raw.readResponse(false).status()).isEqualTo(415);
        }
        assertThat(server.modem.sentSms()).isEmpty();
    }

    @Test
    void aRefusalWithoutBodyKeepsTheConnectionInStep() throws IOException {
        try (RawConnection raw = new RawConnection(server.port)) {
            raw.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://evil.example\r\n\r\n"
                    + "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + PLAIN_KEY + "\r\n\r\n");
            assertThat(raw.readResponse(false).status()).isEqualTo(403);
            assertThat(raw.readResponse(false).status()).isEqualTo(200);
        }
    }

    // ------------------------------------------------------------------------------------ origin and fetch site

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "http://127.0.0.1.evil.example", "null", "http://localhost:3001",
            "https://localhost:3000", "file://", "http://127.0.0.1"})
    void aForeignOriginIs403OnEveryRoute(String origin) {
        assertJson(post("application/json", SMS, "Origin", origin), 403, "{\"error\":\"origin not allowed\"}");
        for (String path : List.of("/healthz", "/status", "/metrics", "/sms/messages", "/nope")) {
            HttpResponse<String> response = server.send(server.request(path, PLAIN_KEY).header("Origin", origin)
                    .GET().build());
            assertJson(response, 403, "{\"error\":\"origin not allowed\"}");
        }
        assertThat(server.modem.sentSms()).isEmpty();
    }

    @Test
    void theServersOwnOriginAndAllowedOriginsPass() {
        String own = "http://127.0.0.1:" + server.port;
        assertThat(post("application/json", SMS, "Origin", own, "Sec-Fetch-Site", "same-origin").statusCode())
                .isEqualTo(202);
        assertThat(post("application/json", SMS, "Origin", "http://localhost:3000", "Sec-Fetch-Site", "same-site")
                .statusCode()).isEqualTo(202);
        assertThat(post("application/json", SMS, "Origin", "HTTP://LOCALHOST:3000").statusCode()).isEqualTo(202);
        assertThat(server.modem.sentSms()).hasSize(3);
    }

    @Test
    void theOwnOriginFollowsTheHostHeader() throws IOException {
        assertThat(raw("GET /healthz HTTP/1.1\r\nHost: localhost:" + server.port + "\r\nAuthorization: Bearer "
                + PLAIN_KEY + "\r\nOrigin: http://localhost:" + server.port + "\r\n\r\n").status()).isEqualTo(200);
        assertThat(raw("GET /healthz HTTP/1.1\r\nHost: localhost:" + server.port + "\r\nAuthorization: Bearer "
                + PLAIN_KEY + "\r\nOrigin: http://127.0.0.1:" + server.port + "\r\n\r\n").status()).isEqualTo(403);
    }

    @Test
    void crossSiteFetchMetadataIs403EvenWithoutOrigin() {
        HttpResponse<String> get = server.send(server.request("/sms/messages", PLAIN_KEY)
                .header("Sec-Fetch-Site", "cross-site").GET().build());
        assertJson(get, 403, "{\"error\":\"origin not allowed\"}");
        assertJson(post("application/json", SMS, "Sec-Fetch-Site", "cross-site"), 403,
                "{\"error\":\"origin not allowed\"}");
        // Same-site from an origin that is not allowed (another port on the same machine), or from no origin at all.
        assertJson(post("application/json", SMS, "Sec-Fetch-Site", "same-site", "Origin", "http://localhost:4000"),
                403, "{\"error\":\"origin not allowed\"}");
        assertJson(post("application/json", SMS, "Sec-Fetch-Site", "same-site"), 403,
                "{\"error\":\"origin not allowed\"}");
        assertThat(server.modem.sentSms()).isEmpty();
        // What a user typing the URL sends is fine.
        assertThat(server.send(server.request("/healthz", PLAIN_KEY).header("Sec-Fetch-Site", "none").GET().build())
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aWebSocketUpgradeFromAForeignOriginGets403Not101() throws IOException {
        RawConnection.Response response = raw("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + server.port
                + "\r\nAuthorization: Bearer " + PLAIN_KEY + "\r\nOrigin: https://evil.example\r\n" + UPGRADE + "\r\n");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"error\":\"origin not allowed\"}");
        assertThat(response.headers().get("connection")).isEqualTo("close");
        RawConnection.Response crossSite = raw("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + PLAIN_KEY + "\r\nSec-Fetch-Site: cross-site\r\n" + UPGRADE + "\r\n");
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(server.server.realtimeClients()).isZero();
        // The server's own page still connects.
        RawConnection.Response own = raw("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + server.port
                + "\r\nAuthorization: Bearer " + PLAIN_KEY + "\r\nOrigin: http://127.0.0.1:" + server.port + "\r\n"
                + UPGRADE + "\r\n");
        assertThat(own.status()).isEqualTo(101);
    }

    // -------------------------------------------------------------------------------------------------- host

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "evil.example:8080", "127.0.0.2", "localhost.evil.example", "[::2]",
            "127.0.0.1:x", ""})
    void aRebindingHostIs421(String host) throws IOException {
        RawConnection.Response response = raw("GET /healthz HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer "
                + PLAIN_KEY + "\r\n\r\n");
        assertThat(response.status()).isEqualTo(421);
        assertThat(response.body()).isEqualTo("{\"error\":\"unknown host\"}");
        RawConnection.Response send = raw("POST /sms/send HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer "
                + PLAIN_KEY + "\r\nContent-Type: application/json\r\nContent-Length: " + SMS.length() + "\r\n\r\n"
                + SMS);
        assertThat(send.status()).isEqualTo(421);
        assertThat(server.modem.sentSms()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.1:8080", "localhost", "LOCALHOST:1", "[::1]", "[::1]:8080"})
    void loopbackHostsWithOrWithoutPortPass(String host) throws IOException {
        assertThat(raw("GET /healthz HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + PLAIN_KEY
                + "\r\n\r\n").status()).isEqualTo(200);
    }

    @Test
    void allowedHostsAddNamesForAProxy() throws IOException {
        try (TestServer proxied = TestServer.start(b -> b.allowedHosts(List.of("sms.example.com", "api.example:8443")))) {
            for (String host : List.of("sms.example.com", "sms.example.com:443", "api.example:8443", "localhost")) {
                try (RawConnection raw = new RawConnection(proxied.port)) {
                    raw.write("GET /healthz HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + PLAIN_KEY
                            + "\r\n\r\n");
                    assertThat(raw.readResponse(false).status()).as(host).isEqualTo(200);
                }
            }
            try (RawConnection raw = new RawConnection(proxied.port)) {
                raw.write("GET /healthz HTTP/1.1\r\nHost: api.example:8080\r\nAuthorization: Bearer " + PLAIN_KEY
                        + "\r\n\r\n");
                assertThat(raw.readResponse(false).status()).isEqualTo(421);
            }
        }
    }

    @Test
    void refusalsAreCountedByReason() throws IOException {
        post("text/plain", SMS);
        post("application/json", SMS, "Origin", "https://evil.example");
        post("application/json", SMS, "Sec-Fetch-Site", "cross-site");
        raw("GET /healthz HTTP/1.1\r\nHost: evil.example\r\n\r\n");
        assertThat(server.metric("callstack_http_refusals_total{reason=\"content_type\"}")).isEqualTo(1.0);
        assertThat(server.metric("callstack_http_refusals_total{reason=\"origin\"}")).isEqualTo(1.0);
        assertThat(server.metric("callstack_http_refusals_total{reason=\"fetch_site\"}")).isEqualTo(1.0);
        assertThat(server.metric("callstack_http_refusals_total{reason=\"host\"}")).isEqualTo(1.0);
    }

    @Test
    void clientsWithoutBrowserHeadersAreUnaffected() {
        assertThat(server.get("/healthz", PLAIN_KEY).statusCode()).isEqualTo(200);
        assertThat(server.post("/sms/send", PLAIN_KEY, SMS).statusCode()).isEqualTo(202);
    }
}
