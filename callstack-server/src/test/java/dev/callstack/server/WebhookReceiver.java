package dev.callstack.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real webhook receiver: the JDK {@link HttpServer} on 127.0.0.1, answering as {@link #answer} says, recording
 * every request. Also the tests' own Standard Webhooks verifier, written from the specification with
 * {@link Mac} and not calling the server's signer.
 */
public final class WebhookReceiver implements AutoCloseable {
    /** How the receiver answers the next requests. */
    public enum Answer {
        /** 204. */
        OK,
        /** 500. */
        FAIL,
        /** Never answers until the receiver closes (the sender times out). */
        HANG,
        /** 302 to {@code /moved}, which would answer 204. */
        REDIRECT,
        /** 200 with 8 MiB of body. */
        HUGE
    }

    /** One received request. */
    public record Received(String path, String id, String timestamp, String signature, String contentType,
                           String userAgent, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new ArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Answer answer;

    private WebhookReceiver(int port, Answer answer) throws IOException {
        this.answer = answer;
        server = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** A receiver on an ephemeral port. */
    public static WebhookReceiver start(Answer answer) throws IOException {
        return new WebhookReceiver(0, answer);
    }

    /** A receiver on {@code port} (to come back where a stopped one was). */
    public static WebhookReceiver startOn(int port, Answer answer) throws IOException {
        return new WebhookReceiver(port, answer);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    public void answer(Answer next) {
        answer = next;
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Requests on {@code path} only. */
    public List<Received> receivedOn(String path) {
        return received().stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            var h = exchange.getRequestHeaders();
            synchronized (received) {
                received.add(new Received(exchange.getRequestURI().getPath(), h.getFirst("webhook-id"),
                        h.getFirst("webhook-timestamp"), h.getFirst("webhook-signature"),
                        h.getFirst("Content-Type"), h.getFirst("User-Agent"), body));
            }
            if (exchange.getRequestURI().getPath().equals("/moved")) {
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            switch (answer) {
                case OK -> exchange.sendResponseHeaders(204, -1);
                case FAIL -> exchange.sendResponseHeaders(500, -1);
                case HANG -> {
                    try {
                        released.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                case REDIRECT -> {
                    exchange.getResponseHeaders().add("Location", "/moved");
                    exchange.sendResponseHeaders(302, -1);
                }
                case HUGE -> huge(exchange);
                default -> throw new IllegalStateException();
            }
        }
    }

    private static void huge(HttpExchange exchange) {
        try {
            exchange.sendResponseHeaders(200, 0); // chunked
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 128; i++) {
                    out.write(chunk);
                }
            }
        } catch (IOException expected) {
            // the sender stops reading after 4 KiB and closes the connection
        }
    }

    /**
     * The independent verifier: HMAC-SHA256 keyed by the base64 after {@code whsec_}, over {@code id.ts.body},
     * compared with each {@code v1,} entry of the header.
     */
    public static boolean verify(String secret, Received r) {
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = mac.doFinal((r.id() + "." + r.timestamp() + "." + r.body())
                    .getBytes(StandardCharsets.UTF_8));
            for (String entry : r.signature().split(" ", -1)) {
                if (entry.startsWith("v1,") && java.security.MessageDigest.isEqual(expected,
                        Base64.getDecoder().decode(entry.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Requests grouped by webhook-id. */
    public Map<String, List<Received>> byId() {
        Map<String, List<Received>> out = new java.util.LinkedHashMap<>();
        for (Received r : received()) {
            out.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
