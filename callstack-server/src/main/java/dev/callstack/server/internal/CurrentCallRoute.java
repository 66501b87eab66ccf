package dev.callstack.server.internal;

import dev.callstack.core.Modem;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /calls/current}: {@code {"state":"idle|dialing|ringing|active|held|ended"}}, the call state the modem
 * last reported; reads memory only, so it runs on the event loop. Thread-safe.
 */
final class CurrentCallRoute implements Route {
    private final Modem modem;

    CurrentCallRoute(Modem modem) {
        this.modem = Objects.requireNonNull(modem, "modem");
    }

    @Override
    public CompletableFuture<HttpReply> handle(RouteRequest request) {
        return CompletableFuture.completedFuture(CallCommandRoute.state(modem.calls()));
    }
}
