package dev.callstack.server.internal;

import dev.callstack.core.Modem;
import dev.callstack.core.ModemState;
import dev.callstack.core.Registration;
import dev.callstack.realtime.WireViews;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * {@code GET /healthz}: ready when the modem is connected, the store is usable and the modem is registered (home or
 * roaming: a modem that cannot reach the network delivers nothing), else 503 degraded with the first
 * {@code "reason"} of {@value #MODEM_DISCONNECTED}, {@value #STORE_UNAVAILABLE}, {@value #NOT_REGISTERED}; says
 * whether the modem is simulated, so a simulator left on in production shows on every probe. Thread-safe.
 */
final class HealthRoute implements Route {
    static final String MODEM_DISCONNECTED = "modem_disconnected";
    static final String STORE_UNAVAILABLE = "store_unavailable";
    static final String NOT_REGISTERED = "not_registered";

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
        ModemState state = modem.state();
        boolean connected = state.connected();
        boolean store = storeReady.getAsBoolean();
        Registration registration = state.registration();
        String reason = !connected ? MODEM_DISCONNECTED : !store ? STORE_UNAVAILABLE
                : !registration.isRegistered() ? NOT_REGISTERED : null;
        boolean ready = reason == null;
        long uptime = uptimeSeconds.getAsLong();
        byte[] json = Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("status", ready ? "ready" : "degraded");
            if (!ready) {
                g.writeStringField("reason", reason);
            }
            g.writeBooleanField("modem_connected", connected);
            g.writeStringField("registration", WireViews.wireName(registration));
            g.writeNumberField("uptime_seconds", uptime);
            g.writeBooleanField("store_ready", store);
            g.writeBooleanField("simulated", simulated);
            g.writeEndObject();
        });
        return CompletableFuture.completedFuture(HttpReply.json(ready ? 200 : 503, json));
    }
}
