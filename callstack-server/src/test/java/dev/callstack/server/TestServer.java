package dev.callstack.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callstack.core.Modem;
import dev.callstack.testkit.FakeModem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

/** A real server on an ephemeral loopback port over a {@link FakeModem}, and an HTTP client for it. */
final class TestServer implements AutoCloseable {
    static final String CONTENT_KEY = "content-key-Zx81vB";
    static final String PLAIN_KEY = "plain-key-Qw42nM";
    /** A key without any privilege: read-only. */
    static final String READ_KEY = "read-only-key-Hj73pQ";
    static final ObjectMapper JSON = new ObjectMapper();
    /**
     * How long any single wait of a test may take (connect, request, message, close). Generous, because a loaded CI
     * machine can stall a thread for seconds; no test waits this long unless it is failing.
     */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    final FakeModem modem;
    final CallstackServer server;
    final int port;
    final HttpClient http;

    private TestServer(FakeModem modem, CallstackServer server, int port) {
        this.modem = modem;
        this.server = server;
        this.port = port;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    }

    /**
     * Three keys: content (send, ussd, content), plain (send, ussd: the redacted view) and read-only; generous limits
     * so tests do not trip them unless they mean to.
     */
    static TestServer start() {
        return start(builder -> { });
    }

    static TestServer start(Consumer<CallstackServerBuilder> customize) {
        return startWith(builder -> {
            builder.apiKey(CONTENT_KEY, Privilege.SEND, Privilege.USSD, Privilege.CONTENT)
                    .apiKey(PLAIN_KEY, Privilege.SEND, Privilege.USSD)
                    .apiKey(READ_KEY);
            customize.accept(builder);
        });
    }

    /** No default keys: {@code customize} decides. */
    static TestServer startWith(Consumer<CallstackServerBuilder> customize) {
        return serving(fake -> fake, customize);
    }

    /** The server serves {@code served(fake)}, a modem that is the fake in most things; {@code customize} decides. */
    static TestServer serving(Function<FakeModem, Modem> served, Consumer<CallstackServerBuilder> customize) {
        FakeModem modem = new FakeModem();
        CallstackServerBuilder builder = CallstackServer.builder(served.apply(modem))
                .host("127.0.0.1")
                .port(0)
                .ioThreads(2)
                .rateLimit(10_000, Duration.ofMinutes(1))
                .authFailureLimit(10_000, Duration.ofMinutes(1))
                .shutdownGrace(Duration.ofSeconds(2));
        customize.accept(builder);
        CallstackServer server = builder.build();
        try {
            int port = server.start();
            return new TestServer(modem, server, port);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            server.close();
            modem.close();
            throw e;
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    URI wsUri(String path) {
        return URI.create("ws://127.0.0.1:" + port + path);
    }

    HttpRequest.Builder request(String path, String key) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT);
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        return builder;
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path, String key) {
        return send(request(path, key).GET().build());
    }

    HttpResponse<String> post(String path, String key, String body) {
        return send(request(path, key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A JSON POST with an {@code Idempotency-Key} header, unless {@code idempotencyKey} is null. */
    HttpResponse<String> post(String path, String key, String body, String idempotencyKey) {
        HttpRequest.Builder request = request(path, key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    static JsonNode json(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts status and the exact JSON body. */
    static void assertJson(HttpResponse<String> response, int status, String expectedJson) {
        assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
        try {
            assertThat(json(response)).isEqualTo(JSON.readTree(expectedJson));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A metric sample value from {@code /metrics}, e.g. {@code callstack_websocket_clients}. */
    double metric(String sample) {
        String body = get("/metrics", CONTENT_KEY).body();
        for (String line : body.split("\n", -1)) {
            if (line.startsWith(sample + " ")) {
                return Double.parseDouble(line.substring(sample.length() + 1).trim());
            }
        }
        return Double.NaN;
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            modem.close();
        }
    }

    /**
     * Publishes {@code each} signal events from each of {@code publishers} threads at once (thread {@code t} reports
     * RSSI {@code t}) and returns when all are published: concurrent publishers for the fan-out's ordering tests.
     *
     * @return the number of events published
     */
    int publishSignalsConcurrently(int publishers, int each) throws InterruptedException {
        Thread[] threads = new Thread[publishers];
        for (int t = 0; t < threads.length; t++) {
            int rssi = t;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    modem.signal(rssi, 0);
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return publishers * each;
    }
}
