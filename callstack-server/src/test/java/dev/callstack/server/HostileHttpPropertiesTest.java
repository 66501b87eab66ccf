package dev.callstack.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random and mutated HTTP requests over a raw socket, from a caller without a valid key: whatever arrives, the
 * server answers with a status below 500 or closes the connection, within a bounded time, and nothing reaches the
 * modem. One property ends each request with a half-close (an incomplete request meets the end of stream); the
 * other leaves the connection open, so only the server's request timeout (300 ms here) can end an incomplete one.
 */
class HostileHttpPropertiesTest {
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(15);
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH",
            "TRACE", "CONNECT", "get", "P0ST", "", "GET GET");
    private static final List<String> PATHS = List.of("/sms/send", "/ussd/send", "/sms/messages", "/healthz",
            "/status", "/metrics", "/ws", "/sms/delivery-reports", "/", "*", "//sms/send", "/sms/send?x=%zz",
            "/%00", "/sms/messages?limit=-1&before=abc", "/../etc/passwd", "http://evil.example/sms/send");
    private static final List<String> HEADERS = List.of("Host: 127.0.0.1", "Host: evil.example", "Host:",
            "Content-Type: application/json", "Content-Type: text/plain", "Content-Type: application/json; charset=x",
            "Content-Length: 0", "Content-Length: 5", "Content-Length: -1", "Content-Length: 99999999999",
            "Content-Length: 1, 2", "Transfer-Encoding: chunked", "Transfer-Encoding: gzip, chunked",
            "Expect: 100-continue", "Connection: upgrade", "Upgrade: websocket", "Sec-WebSocket-Version: 13",
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Origin: https://evil.example", "Sec-Fetch-Site: cross-site",
            "Authorization: Bearer wrong-key-000000000", "Authorization: Basic Zm9vOmJhcg==", "Authorization:",
            "Authorization: Bearer " + "k".repeat(5000), "X-Forwarded-For: 10.0.0.1", ": no-name", "No-Colon",
            "Cookie: a=b", "Accept: */*");
    private static final List<String> BODIES = List.of("", "{\"to\":\"+15550100100\",\"body\":\"x\"}",
            "{\"code\":\"*100#\"}", "{", "[]", "null", "{\"to\":null}", "0\r\n\r\n", "5\r\nhello\r\n0\r\n\r\n",
            "zz\r\n", "\u0000\u00ff\u00fe");

    private static final InetAddress LOOPBACK = loopbackV4();

    private static TestServer server;

    @BeforeContainer
    static void startServer() {
        server = TestServer.start(builder -> builder.requestTimeout(Duration.ofMillis(300)));
    }

    @AfterContainer
    static void stopServer() {
        HttpResponse<String> health = server.get("/healthz", TestServer.PLAIN_KEY);
        try {
            assertThat(health.statusCode()).as("the server still answers after the attack").isEqualTo(200);
            assertThat(server.modem.sentSms()).as("SMS reaching the modem").isEmpty();
            assertThat(server.modem.ussdCodes()).as("USSD reaching the modem").isEmpty();
        } finally {
            server.close();
        }
    }

    @Property(tries = 400, seed = "20261204")
    void hostileRequestsNeverGetA5xxNorHangNorReachTheModem(@ForAll("requests") byte[] request) throws IOException {
        checkAnswer(request, exchange(request, true));
    }

    @Property(tries = 150, seed = "20261205")
    void withTheConnectionLeftOpenTheRequestTimeoutEndsWhatIsIncomplete(@ForAll("requests") byte[] request)
            throws IOException {
        if (request.length > 0) { // a connection that sends nothing is the idle timeout's (30 s), not this one's
            checkAnswer(request, exchange(request, false));
        }
    }

    private static void checkAnswer(byte[] request, String answer) {
        if (!answer.isEmpty()) {
            assertThat(answer).as("status line").startsWith("HTTP/1.1 ");
            int status = Integer.parseInt(answer.substring(9, 12));
            assertThat(status).as("status for %s", printable(request)).isBetween(100, 499);
        }
        assertThat(server.modem.sentSms()).isEmpty();
        assertThat(server.modem.ussdCodes()).isEmpty();
    }

    @Provide
    Arbitrary<byte[]> requests() {
        Arbitrary<byte[]> wellFormedish = Combinators.combine(
                Arbitraries.of(METHODS), Arbitraries.of(PATHS), Arbitraries.of("HTTP/1.1", "HTTP/1.0", "HTTP/2.0",
                        "HTTP/1.1 extra", ""),
                Arbitraries.of(HEADERS).list().ofMaxSize(8), Arbitraries.of(BODIES))
                .as((method, path, version, headers, body) -> (method + " " + path + " " + version + "\r\n"
                        + String.join("\r\n", headers) + (headers.isEmpty() ? "" : "\r\n") + "\r\n" + body)
                        .getBytes(StandardCharsets.ISO_8859_1));
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, wellFormedish),
                net.jqwik.api.Tuple.of(3, wellFormedish.flatMap(HostileHttpPropertiesTest::mutated)),
                net.jqwik.api.Tuple.of(1, noise));
    }

    /** Flips, drops or duplicates a few bytes of a request. */
    private static Arbitrary<byte[]> mutated(byte[] request) {
        if (request.length == 0) {
            return Arbitraries.just(request);
        }
        return Arbitraries.integers().between(0, request.length - 1).list().ofMinSize(1).ofMaxSize(4)
                .flatMap(positions -> Arbitraries.bytes().list().ofSize(positions.size()).map(values -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    for (int i = 0; i < request.length; i++) {
                        int hit = positions.indexOf(i);
                        if (hit < 0) {
                            out.write(request[i]);
                        } else if ((values.get(hit) & 3) == 1) {
                            out.write(request[i]);
                            out.write(request[i]); // duplicated
                        } else if ((values.get(hit) & 3) != 0) {
                            out.write(values.get(hit)); // replaced (and where the low bits are 0: dropped)
                        }
                    }
                    return out.toByteArray();
                }));
    }

    /** Sends the request, half-closes if asked, and returns the first line of the answer ("" if the server just closed). */
    private static String exchange(byte[] request, boolean halfClose) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, server.port), 5_000);
            socket.setSoTimeout((int) ANSWER_WITHIN.toMillis());
            try {
                socket.getOutputStream().write(request);
                if (halfClose) {
                    socket.shutdownOutput();
                }
            } catch (IOException closedEarly) {
                // The server may refuse and close before the request is all written; the answer is still there.
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            try {
                for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                    line.write(b);
                }
            } catch (SocketTimeoutException hang) {
                throw new AssertionError("no answer and no close within " + ANSWER_WITHIN + " for "
                        + printable(request), hang);
            } catch (IOException reset) {
                return ""; // a reset is a close
            }
            return line.toString(StandardCharsets.ISO_8859_1).strip();
        }
    }

    private static InetAddress loopbackV4() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1}); // where the test server listens
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String printable(byte[] request) {
        StringBuilder out = new StringBuilder();
        for (byte b : request) {
            int c = b & 0xFF;
            out.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return out.length() > 300 ? out.substring(0, 300) + "..." : out.toString();
    }
}
