package dev.callstack.server.internal;

import dev.callstack.core.Modem;
import dev.callstack.core.ModemState;
import dev.callstack.realtime.WireViews;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /status}: {@code {"simulated":bool,"modem":{"connected":bool,"state":"<registration>"}}}, always 200
 * (health is {@code /healthz}'s job). {@code state} is the network registration's wire name ({@code home},
 * {@code roaming}, {@code searching}, {@code not_registered}, {@code denied}, {@code unknown}). Reads only the
 * modem's in-memory snapshot, so it runs on the event loop. Thread-safe.
 */
final class StatusRoute implements Route {
    private final Modem modem;
    private final boolean simulated;

    StatusRoute(Modem modem, boolean simulated) {
        this.modem = Objects.requireNonNull(modem, "modem");
        this.simulated = simulated;
    }

    @Override
    public CompletableFuture<HttpReply> handle(RouteRequest request) {
        ModemState state = modem.state();
        return CompletableFuture.completedFuture(HttpReply.json(200, Json.write(g -> {
            g.writeStartObject();
            g.writeBooleanField("simulated", simulated);
            g.writeObjectFieldStart("modem");
            g.writeBooleanField("connected", state.connected());
            g.writeStringField("state", WireViews.wireName(state.registration()));
            g.writeEndObject();
            g.writeEndObject();
        })));
    }
}
