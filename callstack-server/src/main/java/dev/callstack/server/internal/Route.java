package dev.callstack.server.internal;

import java.util.concurrent.CompletableFuture;

/** One method on one path. Implementations are thread-safe. */
interface Route {
    /**
     * Answers the request. Bad input is reported by throwing {@link HttpError} (or completing with it); anything else
     * thrown is a bug and becomes a logged 500.
     */
    CompletableFuture<HttpReply> handle(RouteRequest request);
}
