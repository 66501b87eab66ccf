package dev.callstack.server;

import static dev.callstack.server.TestServer.CONTENT_KEY;
import static dev.callstack.server.TestServer.PLAIN_KEY;
import static dev.callstack.server.TestServer.assertJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callstack.testkit.FakeModem;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(NoPiiInLogs.class)
class AuthTest {
    private static final String MISSING = "{\"error\":\"Missing or invalid Authorization header. Use 'Bearer <api_key>'.\"}";
    private static final String INVALID = "{\"error\":\"Invalid API key.\"}";
    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private HttpResponse<String> withAuthorization(String headerValue) {
        return server.send(server.request("/healthz", null).header("Authorization", headerValue).GET().build());
    }

    @Test
    void missingHeaderIs401WithChallenge() {
        HttpResponse<String> response = server.get("/healthz", null);
        assertJson(response, 401, MISSING);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"callstack\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic dXNlcjpwYXNz", "Bearer", "Bearer   ", "Token " + CONTENT_KEY, CONTENT_KEY,
            "BearerX " + CONTENT_KEY})
    void malformedHeaderIs401(String header) {
        HttpResponse<String> response = withAuthorization(header);
        assertJson(response, 401, MISSING);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void unknownKeyIs403() {
        assertJson(server.get("/healthz", "bogus-key-123"), 403, INVALID);
    }

    @Test
    void aKeyThatIsOnlyAPrefixOrExtensionOfAValidKeyIs403() {
        assertJson(server.get("/healthz", CONTENT_KEY.substring(0, CONTENT_KEY.length() - 1)), 403, INVALID);
        assertJson(server.get("/healthz", CONTENT_KEY + "x"), 403, INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "bearer", "BEARER", "bEaReR"})
    void schemeIsCaseInsensitive(String scheme) {
        assertThat(withAuthorization(scheme + " " + PLAIN_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void surroundingWhitespaceIsTolerated() {
        assertThat(withAuthorization("Bearer \t " + PLAIN_KEY + " ").statusCode()).isEqualTo(200);
    }

    // java.net.http sends header text as US-ASCII (non-ASCII chars become '?'); the server reads header bytes
    // one-to-one, so whatever arrives is compared as bytes and simply does not match.
    @ParameterizedTest
    @ValueSource(strings = {"clé-ü\u00ff\u0080", "\u00e9\u00e9\u00e9", "key with spaces", "\"quoted\"", "k;=,()<>@",
            "\u00c3\u00a9t\u00c3\u00a9"})
    void anyBytesInTheKeyGive403NeverAServerError(String key) {
        HttpResponse<String> response = withAuthorization("Bearer " + key);
        assertJson(response, 403, INVALID);
    }

    @Test
    void nonAsciiBytesAfterTheSchemeAloneGive401() {
        assertJson(withAuthorization("B\u00e9arer " + PLAIN_KEY), 401, MISSING);
    }

    @Test
    void keysOverTheirRateLimitGet429WithRetryAfter() {
        // One token a minute comes back: the four requests have a whole minute before a refill could let the fourth
        // through, and the wait for the next token (retry_after) is still at most 60 s.
        try (TestServer limited = TestServer.start(b -> b.rateLimit(3, Duration.ofMinutes(3)))) {
            for (int i = 0; i < 3; i++) {
                assertThat(limited.get("/healthz", PLAIN_KEY).statusCode()).isEqualTo(200);
            }
            HttpResponse<String> refused = limited.get("/healthz", PLAIN_KEY);
            assertThat(refused.statusCode()).isEqualTo(429);
            long retryAfter = TestServer.json(refused).get("retry_after").asLong();
            assertThat(retryAfter).isBetween(1L, 60L);
            assertJson(refused, 429, "{\"error\":\"Rate limit exceeded.\",\"retry_after\":" + retryAfter + "}");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue(Long.toString(retryAfter));
            // The limit is per key: the other key is unaffected.
            assertThat(limited.get("/healthz", CONTENT_KEY).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void rateLimitZeroTurnsTheLimitOff() {
        try (TestServer unlimited = TestServer.start(b -> b.rateLimit(0, Duration.ofMinutes(1)))) {
            for (int i = 0; i < 30; i++) {
                assertThat(unlimited.get("/healthz", PLAIN_KEY).statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void repeatedFailedAuthenticationFromOneAddressGets429EvenWithAGoodKey() {
        // A window long enough that no failure is forgiven while the test runs, however slowly.
        try (TestServer guarded = TestServer.start(b -> b.authFailureLimit(3, Duration.ofHours(1)))) {
            assertThat(guarded.get("/healthz", "bogus-key-123").statusCode()).isEqualTo(403);
            assertThat(guarded.get("/healthz", null).statusCode()).isEqualTo(401);
            assertThat(guarded.get("/healthz", "bogus-key-123").statusCode()).isEqualTo(403);
            HttpResponse<String> blocked = guarded.get("/healthz", "bogus-key-123");
            assertThat(blocked.statusCode()).isEqualTo(429);
            assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
            assertThat(TestServer.json(blocked).get("error").asText()).isEqualTo("Rate limit exceeded.");
            assertThat(guarded.get("/healthz", PLAIN_KEY).statusCode()).isEqualTo(429);
        }
    }

    @Test
    void authFailuresAreCounted() {
        try (TestServer counted = TestServer.start()) {
            counted.get("/healthz", "bogus-key-123");
            counted.get("/healthz", null);
            assertThat(counted.metric("callstack_auth_failures_total{reason=\"invalid_key\"}")).isEqualTo(1.0);
            assertThat(counted.metric("callstack_auth_failures_total{reason=\"missing_or_malformed\"}"))
                    .isEqualTo(1.0);
        }
    }

    @Test
    void keysFromTheFileAndTheVariableCarryTheirPrivileges(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("keys");
        java.nio.file.Files.writeString(file, "# test keys\nfile-content-key-000 content\nfile-plain-key-00000\n");
        java.nio.file.Files.setPosixFilePermissions(file,
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        try (TestServer keyed = TestServer.startWith(b -> b.apiKeyFile(file)
                .apiKeysVariable("env-key-0000000000 send,content; env-plain-000000000"))) {
            keyed.modem.receiveSms("+15550100100", "Meet me at the secret garden");
            for (String key : java.util.List.of("file-content-key-000", "env-key-0000000000")) {
                assertThat(TestServer.json(keyed.get("/sms/messages", key)).get("messages").get(0).get("body").asText())
                        .isEqualTo("Meet me at the secret garden");
            }
            for (String key : java.util.List.of("file-plain-key-00000", "env-plain-000000000")) {
                assertThat(TestServer.json(keyed.get("/sms/messages", key)).get("messages").get(0).get("body").asText())
                        .isEqualTo("[redacted]");
            }
            assertThat(keyed.get("/sms/messages", "# test keys").statusCode()).isEqualTo(403);
        }
    }

    @Test
    void startingTwiceIsRefused() throws Exception {
        try (TestServer once = TestServer.start()) {
            assertThatThrownBy(once.server::start).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void withNoAuthTheServerServesLoopbackWithoutAuthentication() {
        try (TestServer open = TestServer.startWith(b -> b.noAuth(true))) {
            assertThat(open.get("/healthz", null).statusCode()).isEqualTo(200);
            assertThat(open.get("/healthz", "anything").statusCode()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::"})
    void withoutKeysANonLoopbackAddressIsRefusedAtStartup(String host) {
        try (FakeModem modem = new FakeModem()) {
            CallstackServer server = CallstackServer.builder(modem).host(host).port(0).build();
            assertThatThrownBy(server::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no API keys");
            server.close();
        }
    }

    @Test
    void withKeysAnyAddressMayBeUsed() throws Exception {
        try (FakeModem modem = new FakeModem();
             CallstackServer server = CallstackServer.builder(modem).host("0.0.0.0").port(0).apiKey("k-1-0123456789abc")
                     .build()) {
            int port = server.start();
            assertThat(port).isPositive();
            HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/healthz"))
                            .header("Authorization", "Bearer k-1-0123456789abc").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }
}
