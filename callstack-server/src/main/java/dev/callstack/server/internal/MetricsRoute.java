package dev.callstack.server.internal;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** {@code GET /metrics}: the Prometheus text exposition. Thread-safe. */
final class MetricsRoute implements Route {
    private final ServerMetrics metrics;

    MetricsRoute(ServerMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public CompletableFuture<HttpReply> handle(RouteRequest request) {
        return CompletableFuture.completedFuture(
                new HttpReply(200, metrics.contentType(), metrics.scrape(), List.of(), false));
    }
}
