package dev.callstack.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** A JDK WebSocket client that queues text messages; with {@code autoRequest} off the test controls demand. */
final class WsClient implements WebSocket.Listener, AutoCloseable {
    record Closed(int code, String reason) {
    }

    private final boolean autoRequest;
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    final CompletableFuture<Closed> closed = new CompletableFuture<>();
    final AtomicInteger pings = new AtomicInteger();
    private WebSocket socket;

    private WsClient(boolean autoRequest) {
        this.autoRequest = autoRequest;
    }

    static WsClient connect(TestServer server, String path, String key) {
        return connect(server, path, key, true);
    }

    static WsClient connect(TestServer server, String path, String key, boolean autoRequest) {
        WsClient client = new WsClient(autoRequest);
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(TestServer.TIMEOUT);
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        try {
            client.socket = builder.buildAsync(server.wsUri(path), client)
                    .get(TestServer.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("WebSocket connect failed", e);
        }
        return client;
    }

    /** The failure of an upgrade that must not succeed. */
    static Throwable connectFailure(TestServer server, String path, String key) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        CompletableFuture<WebSocket> future = builder.buildAsync(server.wsUri(path), new WsClient(true));
        try {
            WebSocket unexpected = future.get(TestServer.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            unexpected.abort();
            throw new AssertionError("upgrade succeeded");
        } catch (ExecutionException expected) {
            return expected.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(partial.toString());
            partial.setLength(0);
        }
        if (autoRequest || !last) {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        pings.incrementAndGet();
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    /** Lets {@code n} more messages in (for clients without auto request). */
    void request(long n) {
        socket.request(n);
    }

    WebSocket socket() {
        return socket;
    }

    String next() {
        try {
            String message = messages.poll(TestServer.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(message).as("a WebSocket message within %s", TestServer.TIMEOUT).isNotNull();
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode nextJson() {
        try {
            return TestServer.JSON.readTree(next());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A message that is already there, or null. */
    String poll() {
        return messages.poll();
    }

    Closed awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("no close frame", e);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
    }

    /** Reads {@code count} {@code signal.quality} events and asserts their ids strictly increase. */
    void assertSignalIdsIncrease(int count) {
        long previous = 0;
        for (int i = 0; i < count; i++) {
            JsonNode event = nextJson();
            assertThat(event.get("type").asText()).isEqualTo("signal.quality");
            assertThat(event.get("id").asLong()).isGreaterThan(previous);
            previous = event.get("id").asLong();
        }
    }
}
