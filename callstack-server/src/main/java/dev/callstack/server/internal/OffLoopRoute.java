package dev.callstack.server.internal;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs a route whose work blocks (message-store queries, a caller-supplied health check) on a bounded executor
 * instead of the event loop, so one slow query cannot stall every connection sharing that loop. A full executor is
 * answered with 503 rather than queued without bound.
 *
 * <p>Thread-safe.
 */
final class OffLoopRoute implements Route {
    private final Route route;
    private final Executor executor;

    OffLoopRoute(Route route, Executor executor) {
        this.route = Objects.requireNonNull(route, "route");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public CompletableFuture<HttpReply> handle(RouteRequest request) {
        try {
            return CompletableFuture.supplyAsync(() -> route.handle(request), executor).thenCompose(reply -> reply);
        } catch (RejectedExecutionException busy) {
            throw new HttpError(503, ErrorBody.BUSY);
        }
    }
}
