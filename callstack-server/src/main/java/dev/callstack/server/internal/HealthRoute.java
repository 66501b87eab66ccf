package dev.callstack.server.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callstack.core.Modem;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * {@code GET /healthz}: ready when the modem is connected and the store is usable, else 503 degraded; says whether
 * the modem is simulated, so a simulator left on in production shows on every probe. Thread-safe.
 */
final class HealthRoute implements Route {
    private final Modem modem;
    private final BooleanSupplier storeReady;
    private final boolean simulated;
    private final LongSupplier uptimeSeconds;

    HealthRoute(Modem modem, BooleanSupplier storeReady, boolean simulated, LongSupplier uptimeSeconds) {
        this.modem = Objects.requireNonNull(modem, "modem");
        this.storeReady = Objects.requireNonNull(storeReady, "storeReady");
        this.simulated = simulated;
        this.uptimeSeconds = Objects.requireNonNull(uptimeSeconds, "uptimeSeconds");
    }

    @Override
    public CompletableFuture<HttpReply> handle(RouteRequest request) {
        boolean connected = modem.state().connected();
        boolean store = storeReady.getAsBoolean();
        boolean ready = connected && store;
        ObjectNode json = Json.MAPPER.createObjectNode()
                .put("status", ready ? "ready" : "degraded")
                .put("modem_connected", connected)
                .put("uptime_seconds", uptimeSeconds.getAsLong())
                .put("store_ready", store)
                .put("simulated", simulated);
        return CompletableFuture.completedFuture(HttpReply.json(ready ? 200 : 503, Json.bytes(json)));
    }
}
