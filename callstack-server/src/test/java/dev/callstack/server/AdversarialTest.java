package dev.callstack.server;

import static dev.callstack.server.TestServer.PLAIN_KEY;
import static dev.callstack.server.TestServer.READ_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 attacked as an adversary would: each test is one attempt to get around a rule (cross-site checks, host
 * allow-list, privileges, recipient prefixes, quotas, the auth failure limiter, PII in answers) against the real
 * server over a raw socket, and asserts the rule held and nothing reached the modem.
 */
@ExtendWith(NoPiiInLogs.class)
class AdversarialTest {
    private static final String SMS = "{\"to\":\"+15550100100\",\"body\":\"hello\"}";
    private static final String EVIL = "https://evil.example";
    private static final String WS_KEY = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";
    private static final String LIMITED_KEY = "limited-key-Ux52sD";
    private static TestServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static RawConnection.Response raw(int port, String request) throws IOException {
        try (RawConnection connection = new RawConnection(port)) {
            connection.write(request);
            return connection.readResponse(request.startsWith("HEAD "));
        }
    }

    private static RawConnection.Response raw(String request) throws IOException {
        return raw(server.port, request);
    }

    /** A {@code POST /sms/send} with {@code extraHeaders} (each ending in CRLF) and the SMS body. */
    private static String smsPost(String key, String extraHeaders) {
        return "POST /sms/send HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key + "\r\n" + extraHeaders
                + "Content-Length: " + SMS.length() + "\r\n\r\n" + SMS;
    }

    private static void assertNothingSentSince(int before) {
        assertThat(server.modem.sentSms()).hasSize(before);
    }

    // --- Content-Type (CSRF through HTML forms and "simple" fetch requests)

    @Test
    void contentTypeTextPlainWithJsonAsAParameterIs415() throws IOException {
        int before = server.modem.sentSms().size();
        for (String type : List.of("text/plain; application/json", "text/plain;type=application/json",
                "application/json-seq", "application/jsonp", "text/plain, application/json",
                "application/x-www-form-urlencoded;application/json", "multipart/form-data; boundary=application/json",
                "application /json", "")) {
            assertThat(raw(smsPost(PLAIN_KEY, "Content-Type: " + type + "\r\n")).status()).as(type).isEqualTo(415);
        }
        assertNothingSentSince(before);
    }

    @Test
    void duplicateContentTypeHeadersAre415() throws IOException {
        int before = server.modem.sentSms().size();
        assertThat(raw(smsPost(PLAIN_KEY, "Content-Type: application/json\r\nContent-Type: text/plain\r\n")).status())
                .isEqualTo(415);
        assertThat(raw(smsPost(PLAIN_KEY, "Content-Type: text/plain\r\nContent-Type: application/json\r\n")).status())
                .isEqualTo(415);
        assertNothingSentSince(before);
    }

    @Test
    void obsFoldedContentTypeDoesNotSmuggleJson() throws IOException {
        int before = server.modem.sentSms().size();
        RawConnection.Response response = raw(smsPost(PLAIN_KEY, "Content-Type: text/plain\r\n application/json\r\n"));
        assertThat(response.status()).isIn(400, 415);
        assertNothingSentSince(before);
    }

    @Test
    void aChunkedTextPlainBodyIs415() throws IOException {
        int before = server.modem.sentSms().size();
        String chunk = Integer.toHexString(SMS.length()) + "\r\n" + SMS + "\r\n0\r\n\r\n";
        assertThat(raw("POST /sms/send HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + PLAIN_KEY + "\r\n"
                + "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk).status()).isEqualTo(415);
        assertNothingSentSince(before);
    }

    @Test
    void expectContinueInMixedCaseWithTextPlainGets415NotContinue() throws IOException {
        RawConnection.Response response = raw("POST /sms/send HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + PLAIN_KEY + "\r\nContent-Type: text/plain\r\nExpect: 100-Continue\r\nContent-Length: 40\r\n\r\n");
        assertThat(response.status()).isEqualTo(415);
    }

    @Test
    void expectContinueWithABadKeyGets403NotContinue() throws IOException {
        RawConnection.Response response = raw("POST /sms/send HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + "not-a-key-at-all-1234\r\nContent-Type: application/json\r\nExpect: 100-CONTINUE\r\n"
                + "Content-Length: 40\r\n\r\n");
        assertThat(response.status()).isEqualTo(403);
    }

    // --- Origin and Sec-Fetch-Site

    @Test
    void originNullIs403() throws IOException {
        int before = server.modem.sentSms().size();
        assertThat(raw(smsPost(PLAIN_KEY, "Content-Type: application/json\r\nOrigin: null\r\n")).status())
                .isEqualTo(403);
        assertNothingSentSince(before);
    }

    @Test
    void originLookalikesOfTheServersOwnOriginAre403() throws IOException {
        int before = server.modem.sentSms().size();
        for (String origin : List.of("http://127.0.0.1.evil.example", "http://127.0.0.1@evil.example",
                "http://evil.example#127.0.0.1", "http://127.0.0.1:" + server.port + ".evil.example",
                "https://127.0.0.1", "http://127.0.0.1", "ws://127.0.0.1:" + server.port,
                "http://127.0.0.1:" + server.port + "/path", "HTTP://127.0.0.1:" + server.port + " x",
                "file://", "http://localhost")) {
            // A browser sends the port it connected to in Host; the own origin is derived from it.
            String request = smsPost(PLAIN_KEY, "Content-Type: application/json\r\nOrigin: " + origin + "\r\n")
                    .replace("Host: 127.0.0.1\r\n", "Host: 127.0.0.1:" + server.port + "\r\n");
            assertThat(raw(request).status()).as(origin).isEqualTo(403);
        }
        assertNothingSentSince(before);
    }

    @Test
    void twoOriginHeadersOneOfThemOwnAre403() throws IOException {
        String own = "Origin: http://127.0.0.1:" + server.port + "\r\n";
        assertThat(raw(smsPost(PLAIN_KEY, "Content-Type: application/json\r\n" + own + "Origin: " + EVIL + "\r\n"))
                .status()).isEqualTo(403);
        assertThat(raw(smsPost(PLAIN_KEY, "Content-Type: application/json\r\nOrigin: " + EVIL + "\r\n" + own))
                .status()).isEqualTo(403);
    }

    @Test
    void secFetchSiteCrossSiteInOddCaseAndWhitespaceIs403() throws IOException {
        for (String site : List.of("CROSS-SITE", " cross-site\t", "Cross-Site")) {
            assertThat(raw(smsPost(PLAIN_KEY, "Content-Type: application/json\r\nSec-Fetch-Site: " + site + "\r\n"))
                    .status()).as(site).isEqualTo(403);
        }
    }

    @Test
    void http10WithoutHostButWithAForeignOriginIs403() throws IOException {
        int before = server.modem.sentSms().size();
        assertThat(raw("POST /sms/send HTTP/1.0\r\nAuthorization: Bearer " + PLAIN_KEY + "\r\nOrigin: " + EVIL
                + "\r\nContent-Type: application/json\r\nContent-Length: " + SMS.length() + "\r\n\r\n" + SMS)
                .status()).isEqualTo(403);
        assertNothingSentSince(before);
    }

    // --- Host allow-list (DNS rebinding)

    @Test
    void hostVariantsThatAreNotLoopbackNamesAre421() throws IOException {
        for (String host : List.of("127.0.0.1.", "localhost.", "127.1", "2130706433", "0x7f.0.0.1", "[::ffff:127.0.0.1]",
                "evil.example", "127.0.0.1.nip.io", "localhost.evil.example", "127.0.0.1:80@evil.example",
                "127.0.0.1 evil.example", "[::1", "::1", "127.0.0.1:99999", "127.0.0.1:-1", "")) {
            RawConnection.Response response = raw("GET /healthz HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer "
                    + READ_KEY + "\r\n\r\n");
            assertThat(response.status()).as("Host: %s", host).isIn(400, 421);
        }
    }

    @Test
    void allowedHostNamesInUppercaseOrWithPortZeroStillPass() throws IOException {
        for (String host : List.of("LOCALHOST", "LocalHost:0", "[::1]:" + server.port, "127.0.0.1:0")) {
            assertThat(raw("GET /healthz HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + READ_KEY
                    + "\r\n\r\n").status()).as(host).isEqualTo(200);
        }
    }

    @Test
    void twoHostHeadersAre421() throws IOException {
        assertThat(raw("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\n\r\n").status())
                .isEqualTo(421);
    }

    // --- Pipelining

    @Test
    void aHostileSecondPipelinedRequestIsStillChecked() throws IOException {
        int before = server.modem.sentSms().size();
        try (RawConnection connection = new RawConnection(server.port)) {
            connection.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + READ_KEY + "\r\n\r\n"
                    + smsPost(PLAIN_KEY, "Content-Type: application/json\r\nOrigin: " + EVIL + "\r\n")
                    + "GET /healthz HTTP/1.1\r\nHost: evil.example\r\n\r\n");
            assertThat(connection.readResponse(false).status()).isEqualTo(200);
            assertThat(connection.readResponse(false).status()).isEqualTo(403);
        }
        assertNothingSentSince(before);
    }

    @Test
    void aBodySmuggledAfterARefusedRequestIsNotRunAsARequest() throws IOException {
        int before = server.modem.sentSms().size();
        // The "body" of the refused request is itself a valid send: it must be discarded, not parsed as a request.
        String inner = smsPost(PLAIN_KEY, "Content-Type: application/json\r\n");
        try (RawConnection connection = new RawConnection(server.port)) {
            connection.write("POST /sms/send HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                    + "Authorization: Bearer " + PLAIN_KEY + "\r\nContent-Length: " + inner.length() + "\r\n\r\n" + inner);
            assertThat(connection.readResponse(false).status()).isEqualTo(415);
        }
        assertNothingSentSince(before);
    }

    @Test
    void chunkedAndContentLengthTogetherAre400AndTheSmuggledRequestNeverRuns() throws IOException {
        int before = server.modem.sentSms().size();
        String smuggled = smsPost(PLAIN_KEY, "Content-Type: application/json\r\n");
        String chunked = Integer.toHexString(SMS.length()) + "\r\n" + SMS + "\r\n0\r\n\r\n";
        try (RawConnection connection = new RawConnection(server.port)) {
            connection.write("POST /sms/send HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + PLAIN_KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + SMS.length()
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked + smuggled);
            // Ambiguous framing (RFC 9112 6.3) is refused and the connection ends: neither the outer nor the
            // smuggled request runs.
            assertThat(connection.readResponse(false).status()).isEqualTo(400);
            assertThat(connection.atEndOfStream()).isTrue();
        }
        assertNothingSentSince(before);
    }

    @Test
    void anHttp2PrefaceOrH2cUpgradeIsNotAcceptedAsAWayAroundTheChecks() throws IOException {
        int before = server.modem.sentSms().size();
        assertThat(raw(smsPost(PLAIN_KEY, "Content-Type: text/plain\r\nUpgrade: h2c\r\nConnection: Upgrade, "
                + "HTTP2-Settings\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n")).status()).isEqualTo(415);
        try (RawConnection connection = new RawConnection(server.port)) {
            connection.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
            assertThat(connection.readResponse(false).status()).isIn(400, 401, 404, 405);
        }
        assertNothingSentSince(before);
    }

    // --- WebSocket upgrade variants

    @Test
    void webSocketUpgradeVariantsWithAForeignOriginAre403BeforeThe101() throws IOException {
        for (String target : List.of("/ws", "/ws?x", "/ws/", "/ws/x", "//ws", "/ws;a", "/WS")) {
            for (String upgrade : List.of("Upgrade: websocket\r\nConnection: Upgrade\r\n",
                    "Upgrade: WebSocket\r\nConnection: keep-alive, Upgrade\r\n",
                    "upgrade: WEBSOCKET\r\nconnection: upgrade\r\n")) {
                RawConnection.Response response = raw("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                        + "Bearer " + READ_KEY + "\r\nOrigin: " + EVIL + "\r\n" + upgrade + WS_KEY + "\r\n");
                assertThat(response.status()).as("%s %s", target, upgrade).isEqualTo(403);
            }
        }
    }

    @Test
    void webSocketUpgradeWithCrossSiteFetchSiteIs403() throws IOException {
        RawConnection.Response response = raw("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + READ_KEY
                + "\r\nSec-Fetch-Site: cross-site\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" + WS_KEY + "\r\n");
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void webSocketUpgradeWithoutAKeyIs401() throws IOException {
        RawConnection.Response response = raw("GET /ws?token=x HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n" + WS_KEY + "\r\n");
        assertThat(response.status()).isEqualTo(401);
    }

    // --- Privileges: a read-only key looking for another way to send

    @Test
    void aReadOnlyKeyFindsNoOtherRouteOrMethodToSendOrUssd() throws IOException {
        int sms = server.modem.sentSms().size();
        int ussd = server.modem.ussdCodes().size();
        for (String method : List.of("POST", "PUT", "PATCH", "HEAD", "OPTIONS", "GET", "DELETE")) {
            for (String target : List.of("/sms/send", "/sms/send/", "//sms/send", "/sms//send", "/sms/%73end",
                    "%2Fsms%2Fsend", "/SMS/SEND", "/sms/send?x=1", "/sms/./send", "/sms/../sms/send",
                    "http://127.0.0.1/sms/send", "/ussd/send", "/ussd/send/", "/ussd/%73end")) {
                String request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                        + READ_KEY + "\r\nContent-Type: application/json\r\nContent-Length: " + SMS.length()
                        + "\r\n\r\n" + SMS;
                RawConnection.Response response = raw(request);
                assertThat(response.status()).as("%s %s", method, target).isIn(400, 403, 404, 405);
            }
        }
        assertThat(server.modem.sentSms()).hasSize(sms);
        assertThat(server.modem.ussdCodes()).hasSize(ussd);
    }

    @Test
    void aReadOnlyKeyCannotReadUnredactedContentThroughAQueryParameter() {
        server.modem.receiveSms("+15550100100", "adversarial secret body");
        for (String path : List.of("/sms/messages?view=content", "/sms/messages?content=true",
                "/sms/messages?redact=false")) {
            HttpResponse<String> response = server.get(path, READ_KEY);
            assertThat(response.body()).as(path).doesNotContain("adversarial secret body").doesNotContain("0100100");
        }
    }

    // --- Authorization header tricks

    @Test
    void authorizationHeaderTricksAreRefused() throws IOException {
        int before = server.modem.sentSms().size();
        for (String auth : List.of("Bearer " + PLAIN_KEY + "x", "Bearer " + PLAIN_KEY.substring(1),
                "Basic " + PLAIN_KEY, "Bearer " + PLAIN_KEY + "\u0000", "Bearer" + PLAIN_KEY,
                "Bearer " + PLAIN_KEY.toUpperCase(java.util.Locale.ROOT), "Bearer " + PLAIN_KEY + "," + PLAIN_KEY,
                "Bearer " + PLAIN_KEY + " " + PLAIN_KEY, PLAIN_KEY, "Bearer ", "Bearer")) {
            String request = "POST /sms/send HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + auth
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + SMS.length() + "\r\n\r\n" + SMS;
            assertThat(raw(request).status()).as(auth).isIn(400, 401, 403);
        }
        assertNothingSentSince(before);
    }

    @Test
    void aReadOnlyKeyAndASendingKeyInTwoAuthorizationHeadersAre400() throws IOException {
        int before = server.modem.sentSms().size();
        assertThat(raw(smsPost(READ_KEY, "Authorization: Bearer " + PLAIN_KEY + "\r\n"
                + "Content-Type: application/json\r\n")).status()).isEqualTo(400);
        assertNothingSentSince(before);
    }

    // --- Recipient prefixes

    @Test
    void recipientFormatsOutsideTheAllowedPrefixesAreRefused() {
        try (TestServer limited = TestServer.startWith(b -> b.apiKey(LIMITED_KEY, EnumSet.of(Privilege.SEND), 0,
                List.of("+4915")))) {
            for (String to : List.of("004915000000001", "4915000000001", "015000000001", "+49 15000000001",
                    "+4915 000000001", "+\u0664\u0669\u0661\u0665000000001", "\uFF0B4915000000001", "+49-15000000001",
                    " +4915000000001", "+4915000000001\u0000", "++4915000000001", "+491", "+4916000000001")) {
                HttpResponse<String> response = limited.post("/sms/send", LIMITED_KEY,
                        "{\"to\":\"" + to + "\",\"body\":\"x\"}");
                assertThat(response.statusCode()).as(to).isIn(400, 403);
                assertThat(response.body()).as(to).doesNotContain("15000000001");
            }
            assertThat(limited.modem.sentSms()).isEmpty();
        }
    }

    @Test
    void aToArrayOrObjectDoesNotSlipPastThePrefixCheck() {
        try (TestServer limited = TestServer.startWith(b -> b.apiKey(LIMITED_KEY, EnumSet.of(Privilege.SEND), 0,
                List.of("+4915")))) {
            for (String to : List.of("[\"+4915000000001\",\"+15550100100\"]", "{\"0\":\"+4915000000001\"}", "4915000000001",
                    "null")) {
                HttpResponse<String> response = limited.post("/sms/send", LIMITED_KEY,
                        "{\"to\":" + to + ",\"body\":\"x\"}");
                assertThat(response.statusCode()).as(to).isIn(400, 403);
            }
            // A duplicate key: whichever one the parser keeps, the check and the send must see the same one.
            HttpResponse<String> twice = limited.post("/sms/send", LIMITED_KEY,
                    "{\"to\":\"+4915000000001\",\"body\":\"x\",\"to\":\"+15550100100\"}");
            assertThat(limited.modem.sentSms()).allSatisfy(sms ->
                    assertThat(sms.to().value()).startsWith("+4915"));
            assertThat(twice.statusCode()).isIn(200, 400, 403);
        }
    }

    // --- SMS quota

    @Test
    void concurrentSendsCannotOverspendTheDailyQuota() {
        try (TestServer limited = quotaServer(dir.resolve("race.db"), 3)) {
            List<CompletableFuture<HttpResponse<String>>> sends = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                sends.add(limited.http.sendAsync(limited.request("/sms/send", LIMITED_KEY)
                                .header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(SMS)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            long ok = sends.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 202).count();
            assertThat(ok).isEqualTo(3);
            assertThat(limited.modem.sentSms()).hasSize(3);
        }
    }

    @Test
    void aLongUnicodeBodyIsCountedByItsPartsNotAsOneMessage() {
        // 100 UCS-2 characters: two parts (70 per single part, 67 per concatenated part).
        String ucs2 = "{\"to\":\"+15550100100\",\"body\":\"" + "\u00e9\u4e2d".repeat(50) + "\"}";
        try (TestServer limited = quotaServer(dir.resolve("parts.db"), 3)) {
            assertThat(limited.post("/sms/send", LIMITED_KEY, ucs2).statusCode()).isEqualTo(202);
            assertThat(limited.post("/sms/send", LIMITED_KEY, ucs2).statusCode()).isEqualTo(429);
            assertThat(limited.modem.sentSms()).hasSize(1);
        }
    }

    @Test
    void gsmExtensionCharactersCountAsTwoSeptetsForTheQuota() {
        // 90 '€' are 180 septets: two parts, not one.
        String euros = "{\"to\":\"+15550100100\",\"body\":\"" + "\u20ac".repeat(90) + "\"}";
        try (TestServer limited = quotaServer(dir.resolve("euro.db"), 1)) {
            assertThat(limited.post("/sms/send", LIMITED_KEY, euros).statusCode()).isEqualTo(429);
            assertThat(limited.modem.sentSms()).isEmpty();
        }
    }

    private static TestServer quotaServer(Path db, int perDay) {
        return TestServer.startWith(b -> b.apiKey(LIMITED_KEY, Set.of(Privilege.SEND), perDay, List.of())
                .quotaDatabase(db));
    }

    // --- Auth failure limiter

    @Test
    void keepAliveAndWebSocketAttemptsCountTowardsTheFailureLimit() throws IOException {
        try (TestServer limited = TestServer.start(b -> b.authFailureLimit(3, Duration.ofMinutes(10)))) {
            try (RawConnection connection = new RawConnection(limited.port)) {
                for (int i = 0; i < 3; i++) {
                    connection.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer wrong-key-"
                            + i + "-aaaaaaaaaa\r\n\r\n");
                    assertThat(connection.readResponse(false).status()).isEqualTo(403);
                }
            }
            assertThat(raw(limited.port, "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer wrong-key-ws-aaaa\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n" + WS_KEY + "\r\n").status()).isEqualTo(429);
            // Blocked means blocked: the right key from the same address waits too.
            assertThat(raw(limited.port, smsPost(PLAIN_KEY, "Content-Type: application/json\r\n")).status())
                    .isEqualTo(429);
            assertThat(limited.modem.sentSms()).isEmpty();
        }
    }

    /** Was a hole: the limiter counted per exact address; now per host (loopback /8, IPv6 /64). */
    @Test
    void anotherAddressOfTheSameHostGetsAFreshAuthFailureBudget() throws IOException {
        try (TestServer limited = TestServer.start(b -> b.authFailureLimit(2, Duration.ofMinutes(10)))) {
            for (int i = 0; i < 2; i++) {
                assertThat(raw(limited.port, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                        + "wrong-key-aaaaaaaaaaaa\r\n\r\n").status()).isEqualTo(403);
            }
            try (Socket socket = new Socket()) {
                socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), limited.port));
                socket.getOutputStream().write(("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                        + "wrong-key-bbbbbbbbbbbb\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
                assertThat(status).isEqualTo("HTTP/1.1 429");
            }
        }
    }

    // --- --no-auth: the mode where the browser's ambient reach is the only credential

    @Test
    void noAuthRefusesToListenOnAWildcardAddress() {
        for (String host : List.of("0.0.0.0", "::")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestServer.startWith(b -> b.noAuth(true).host(host))
                    .close()).as(host).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aNoAuthServerStillRefusesFormsForeignOriginsAndRebinding() throws IOException {
        try (TestServer open = TestServer.startWith(b -> b.noAuth(true))) {
            String sms = "Content-Length: " + SMS.length() + "\r\n\r\n" + SMS;
            assertThat(raw(open.port, "POST /sms/send HTTP/1.1\r\nHost: 127.0.0.1:" + open.port
                    + "\r\nContent-Type: text/plain\r\n" + sms).status()).isEqualTo(415);
            assertThat(raw(open.port, "POST /sms/send HTTP/1.1\r\nHost: 127.0.0.1:" + open.port + "\r\nOrigin: " + EVIL
                    + "\r\nContent-Type: application/json\r\n" + sms).status()).isEqualTo(403);
            assertThat(raw(open.port, "POST /sms/send HTTP/1.1\r\nHost: evil.example:" + open.port
                    + "\r\nOrigin: http://evil.example:" + open.port + "\r\nContent-Type: application/json\r\n" + sms)
                    .status()).isEqualTo(421);
            assertThat(raw(open.port, "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + open.port + "\r\nOrigin: " + EVIL
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" + WS_KEY + "\r\n").status()).isEqualTo(403);
            assertThat(open.modem.sentSms()).isEmpty();
        }
    }

    // --- PII in answers

    @Test
    void errorBodiesDoNotEchoNumbersOrBodies() throws IOException {
        List<String> bodies = List.of("{\"to\":\"+4915000000007x\",\"body\":\"secret-otp-123456\"}",
                "{\"to\":\"+4915000000007\",\"body\":\"secret-otp-123456\"",
                "{\"to\":\"+4915000000007\",\"body\":secret-otp-123456}",
                "{\"to\":\"+4915000000007\",\"body\":\"secret-otp-123456\",\"x\":\"\\uZZZZ\"}",
                "[\"+4915000000007\",\"secret-otp-123456\"]",
                "{\"to\":\"+4915000000007\",\"body\":\"\",\"secret-otp-123456\":1}");
        for (String body : bodies) {
            RawConnection.Response response = raw("POST /sms/send HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + PLAIN_KEY + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.body()).as(body).doesNotContain("4915000000007").doesNotContain("secret-otp");
        }
        RawConnection.Response ussd = raw("POST /ussd/send HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + PLAIN_KEY + "\r\nContent-Type: application/json\r\nContent-Length: 22\r\n\r\n{\"code\":\"*secret#12x\"}");
        assertThat(ussd.body()).doesNotContain("secret#12");
    }
}
