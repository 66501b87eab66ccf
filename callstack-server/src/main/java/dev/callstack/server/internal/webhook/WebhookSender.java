package dev.callstack.server.internal.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Makes one signed attempt: checks the target again (SSRF guard), POSTs the envelope with the Standard Webhooks
 * headers, never follows a redirect, reads at most 4 KiB of the answer, and reports the status or a fixed error.
 * The HTTP client is built at the first attempt: a server without webhooks (most) never pays for one, which is the
 * JDK's HTTP and TLS classes, the default {@code SSLContext} and a selector thread.
 *
 * <p>Thread-safe.
 */
final class WebhookSender {
    static final int MAX_RESPONSE_BYTES = 4096;

    /** An attempt's outcome: the HTTP status (0 when none arrived) and a fixed error text, null on success. */
    record Outcome(int statusCode, String error) {
        boolean delivered() {
            return error == null;
        }
    }

    private final Supplier<HttpClient> clients;
    private HttpClient client; // guarded by this; built at the first attempt
    private final WebhookAddressGuard guard;
    private final WebhookTiming timing;
    private final String userAgent;

    WebhookSender(WebhookAddressGuard guard, WebhookTiming timing, Executor executor, String version) {
        this(guard, timing, () -> HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timing.requestTimeout())
                .executor(executor)
                .build(), version);
        Objects.requireNonNull(executor, "executor");
    }

    /** Tests: {@code clients} is called once, at the first attempt that gets past the guard. */
    WebhookSender(WebhookAddressGuard guard, WebhookTiming timing, Supplier<HttpClient> clients, String version) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.userAgent = "Callstack-Webhooks/" + version;
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = clients.get();
        }
        return client;
    }

    /** Blocks for at most about the request timeout. */
    Outcome attempt(WebhookSubscription subscription, long eventId, byte[] body) {
        URI url;
        try {
            url = URI.create(subscription.url());
        } catch (IllegalArgumentException stored) {
            return new Outcome(0, "invalid URL");
        }
        // Resolved again before each attempt: a name that now points inside the network is refused. The client
        // resolves once more when it connects; see WebhookAddressGuard for the window that leaves.
        String refusal = guard.refusal(url);
        if (refusal != null) {
            return new Outcome(0, refusal);
        }
        String id = Long.toString(eventId);
        long timestamp = timing.clock().instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timing.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", userAgent)
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature",
                        WebhookSignature.sign(WebhookSecret.key(subscription.secret()), id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        CompletableFuture<HttpResponse<Void>> pending = client().sendAsync(request,
                info -> new LimitedBodySubscriber(MAX_RESPONSE_BYTES));
        try {
            // The request timeout covers the headers; this bounds the whole attempt, body included.
            HttpResponse<Void> response = pending.get(timing.requestTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
            int status = response.statusCode();
            return status >= 200 && status < 300 ? new Outcome(status, null) : new Outcome(status, "HTTP " + status);
        } catch (TimeoutException slow) {
            pending.cancel(true);
            return new Outcome(0, "timeout");
        } catch (ExecutionException failed) {
            // The class name only: messages can quote the URL, whose path may be a secret (Home Assistant).
            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
            return new Outcome(0, cause instanceof java.net.http.HttpTimeoutException ? "timeout"
                    : "connection failed (" + cause.getClass().getSimpleName() + ")");
        } catch (InterruptedException interrupted) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            return new Outcome(0, "interrupted");
        }
    }
}
