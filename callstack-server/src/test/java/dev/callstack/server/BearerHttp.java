package dev.callstack.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/** The JDK client against a server on 127.0.0.1, every request with one bearer key. Thread-safe. */
public final class BearerHttp {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final int port;
    private final String key;
    private final Duration timeout;

    /**
     * @param http    the client to send with
     * @param port    the server's port on 127.0.0.1
     * @param key     the API key sent as {@code Authorization: Bearer}
     * @param timeout each request's timeout
     */
    public BearerHttp(HttpClient http, int port, String key, Duration timeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.port = port;
        this.key = Objects.requireNonNull(key, "key");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** {@code GET path}. */
    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    /** {@code POST path} with a JSON body. */
    public HttpResponse<String> post(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The response body as JSON. */
    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(timeout)
                .header("Authorization", "Bearer " + key);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
