package dev.callstack.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The JDK HttpClient talking to a running server with the API key. Thread-safe. */
final class ServerClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final String key;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    ServerClient(URI base, String key) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.key = key;
    }

    /** A server's answer. */
    record Reply(int status, JsonNode body) {
        String error() {
            return body.hasNonNull("error") ? body.get("error").asText() : "HTTP " + status;
        }
    }

    /** The server could not be reached at all. */
    static final class UnreachableException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    Reply get(String path) throws UnreachableException, InterruptedException {
        return send(request(path).GET().build());
    }

    Reply post(String path, JsonNode body) throws UnreachableException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    CompletableFuture<WebSocket> webSocket(String pathAndQuery, WebSocket.Listener listener) {
        String ws = base.toString().replaceFirst("^http", "ws") + pathAndQuery;
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        return builder.buildAsync(URI.create(ws), listener);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(90)).header("Accept", "application/json");
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        return builder;
    }

    private Reply send(HttpRequest request) throws UnreachableException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UnreachableException("cannot reach " + base + " (" + e.getClass().getSimpleName() + ")", e);
        }
        JsonNode body;
        try {
            body = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            body = JSON.createObjectNode().put("error", "not JSON");
        }
        return new Reply(response.statusCode(), body);
    }
}
