package dev.callstack.server;

import static dev.callstack.server.TestServer.CONTENT_KEY;
import static dev.callstack.server.TestServer.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS and WSS on the server's one port, with certificates made in the test; renewals on disk; plain HTTP. */
class TlsTest {
    private static SelfSignedCertificate first;
    private static SelfSignedCertificate renewed;

    @TempDir
    Path dir;
    private Path certFile;
    private Path keyFile;

    @BeforeAll
    static void makeCertificates(@TempDir Path keytoolDir) {
        first = SelfSignedCertificate.generate(keytoolDir, "callstack-first");
        renewed = SelfSignedCertificate.generate(keytoolDir, "callstack-renewed");
    }

    @BeforeEach
    void writeFirstCertificate() {
        certFile = dir.resolve("fullchain.pem");
        keyFile = dir.resolve("privkey.pem");
        first.writeTo(certFile, keyFile);
    }

    private TestServer startTls() {
        return TestServer.start(b -> b.tls(certFile, keyFile).tlsReloadInterval(Duration.ofMillis(50)));
    }

    private static HttpClient client(SSLContext trust) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT)
                .sslContext(trust).build();
    }

    @Test
    void healthzOverHttpsPresentsTheConfiguredCertificate() throws Exception {
        try (TestServer server = startTls()) {
            HttpResponse<String> response = client(SelfSignedCertificate.trusting(List.of(first))).send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port + "/healthz"))
                            .header("Authorization", "Bearer " + CONTENT_KEY).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(TestServer.json(response).get("status").asText()).isEqualTo("ready");
            assertThat(response.sslSession()).hasValueSatisfying(session -> {
                assertThat(session.getProtocol()).isIn("TLSv1.3", "TLSv1.2");
            });
        }
    }

    @Test
    void webSocketOverWssReceivesHello() throws Exception {
        try (TestServer server = startTls();
             Wss ws = Wss.connect(SelfSignedCertificate.trusting(List.of(first)), server.port)) {
            assertThat(TestServer.JSON.readTree(ws.next()).get("type").asText()).isEqualTo("hello");
        }
    }

    @Test
    void aRenewalOnDiskServesNewConnectionsWhileOpenOnesStay() throws Exception {
        SSLContext trustBoth = SelfSignedCertificate.trusting(List.of(first, renewed));
        try (TestServer server = startTls();
             SSLSocket before = handshake(trustBoth, server.port);
             Wss ws = Wss.connect(trustBoth, server.port)) {
            assertThat(presented(before)).isEqualTo(first.certificate());
            assertThat(TestServer.JSON.readTree(ws.next()).get("type").asText()).isEqualTo("hello");

            renewed.writeTo(certFile, keyFile); // not atomic, as a careless renewal: a torn pair is refused, then loads

            await().atMost(TIMEOUT).untilAsserted(() -> {
                try (SSLSocket after = handshake(trustBoth, server.port)) {
                    assertThat(presented(after)).isEqualTo(renewed.certificate());
                }
            });
            // The connections made before the renewal are still open and still answer.
            assertThat(statusLine(before, "/healthz")).isEqualTo("HTTP/1.1 200 OK");
            assertThat(presented(before)).isEqualTo(first.certificate());
            server.modem.signal(20, 0);
            assertThat(TestServer.JSON.readTree(ws.next()).get("type").asText()).isEqualTo("signal.quality");
        }
    }

    @Test
    void aBrokenRenewalKeepsTheCurrentCertificateAndWarns() throws Exception {
        LogCapture logs = LogCapture.install();
        int seen = logs.lines().size();
        SSLContext trustBoth = SelfSignedCertificate.trusting(List.of(first, renewed));
        try (TestServer server = startTls()) {
            Files.writeString(certFile, SelfSignedCertificate.pem("CERTIFICATE",
                    "not a certificate".getBytes(StandardCharsets.US_ASCII)));
            await().atMost(TIMEOUT).until(() -> logs.lines().subList(seen, logs.lines().size()).stream()
                    .anyMatch(line -> line.contains("TLS files changed but do not load") && line.contains(
                            certFile.toString()) && line.contains("not a valid X.509 certificate")));
            try (SSLSocket during = handshake(trustBoth, server.port)) {
                assertThat(presented(during)).isEqualTo(first.certificate());
            }

            renewed.writeTo(certFile, keyFile);
            await().atMost(TIMEOUT).untilAsserted(() -> {
                try (SSLSocket after = handshake(trustBoth, server.port)) {
                    assertThat(presented(after)).isEqualTo(renewed.certificate());
                }
            });
        }
        assertThat(logs.lines().subList(seen, logs.lines().size())).noneMatch(line -> line.contains("PRIVATE KEY-"));
    }

    @Test
    void aPrivateKeyEveryLocalUserMayReadIsWarnedAbout() throws Exception {
        LogCapture logs = LogCapture.install();
        int seen = logs.lines().size();
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
        try (TestServer server = startTls()) {
            assertThat(server.port).isPositive();
        }
        assertThat(logs.lines().subList(seen, logs.lines().size())).anyMatch(line -> line.contains("TLS private key "
                + keyFile + " is readable by any local user"));
    }

    @Test
    void plainHttpOnTheTlsPortIsRefusedCleanly() throws Exception {
        try (TestServer server = startTls(); RawConnection raw = new RawConnection(server.port)) {
            raw.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + CONTENT_KEY + "\r\n\r\n");
            RawConnection.Response response = raw.readResponse(false);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.headers()).containsEntry("content-type", "application/json; charset=utf-8")
                    .containsEntry("connection", "close");
            assertThat(TestServer.JSON.readTree(response.body())).isEqualTo(TestServer.JSON.readTree(
                    "{\"error\":\"this port speaks TLS only: use https:// or wss://\"}"));
            assertThat(raw.atEndOfStream()).as("closed after the answer").isTrue();
        }
    }

    @Test
    void aPublicAddressWithoutTlsWarns() {
        LogCapture logs = LogCapture.install();
        String warning = "Plain HTTP on public address";
        int seen = logs.lines().size();
        try (TestServer loopback = TestServer.start()) {
            assertThat(loopback.port).isPositive();
        }
        try (TestServer publicTls = TestServer.start(b -> b.host("0.0.0.0").tls(certFile, keyFile))) {
            assertThat(publicTls.port).isPositive();
        }
        assertThat(logs.lines().subList(seen, logs.lines().size())).noneMatch(line -> line.contains(warning));
        try (TestServer publicPlain = TestServer.start(b -> b.host("0.0.0.0"))) {
            assertThat(publicPlain.port).isPositive();
        }
        assertThat(logs.lines().subList(seen, logs.lines().size())).anyMatch(line -> line.contains(warning)
                && line.contains("--tls-cert") && line.contains("reverse proxy"));
    }

    private static SSLSocket handshake(SSLContext trust, int port) throws IOException {
        SSLSocket socket = (SSLSocket) trust.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    private static Certificate presented(SSLSocket socket) throws IOException {
        return socket.getSession().getPeerCertificates()[0];
    }

    private static String statusLine(SSLSocket socket, String path) throws IOException {
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + CONTENT_KEY + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                .readLine();
    }

    /** A WebSocket over wss:// that queues its text messages. */
    private static final class Wss implements WebSocket.Listener, AutoCloseable {
        private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static Wss connect(SSLContext trust, int port) throws Exception {
            Wss wss = new Wss();
            wss.socket = client(trust).newWebSocketBuilder().connectTimeout(TIMEOUT)
                    .header("Authorization", "Bearer " + CONTENT_KEY)
                    .buildAsync(URI.create("wss://127.0.0.1:" + port + "/ws"), wss)
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return wss;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        String next() throws InterruptedException {
            String message = messages.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(message).as("a message over wss within %s", TIMEOUT).isNotNull();
            return message;
        }

        @Override
        public void close() {
            if (socket != null) {
                socket.abort();
            }
        }
    }
}
