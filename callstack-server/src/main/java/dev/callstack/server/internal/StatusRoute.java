package dev.callstack.server.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.callstack.core.Modem;
import dev.callstack.core.ModemStatus;
import dev.callstack.core.event.SignalQuality;
import dev.callstack.realtime.WireViews;
import dev.callstack.server.Privilege;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * {@code GET /status}: {@link Modem#status()} as JSON, always 200 (health is {@code /healthz}'s job):
 * {@code simulated}, {@code modem} (connected, identity strings, profile, health counters), {@code sim},
 * {@code network} (registration, technology, operator, rssi, dbm), {@code sms} (storage, sweep, undecodable), and
 * {@code voice} ({@code audio_port}: open, absent or error; {@code plan}: loaded or none), and
 * {@code identity} (IMEI, IMSI, ICCID) for {@code admin} keys only, and {@code transport} (the server's network
 * transport, {@code epoll} or {@code nio}). Unknown facts are {@code null}; timestamps are
 * {@link WireViews#timestamp}'s. Reads only the modem's in-memory snapshot, so it runs on the event loop.
 * Thread-safe.
 */
final class StatusRoute implements Route {
    private final Modem modem;
    private final boolean simulated;
    private final boolean voicePlan;
    private final Supplier<String> transport;

    StatusRoute(Modem modem, boolean simulated) {
        this(modem, simulated, false, () -> null);
    }

    StatusRoute(Modem modem, boolean simulated, boolean voicePlan, Supplier<String> transport) {
        this.modem = Objects.requireNonNull(modem, "modem");
        this.simulated = simulated;
        this.voicePlan = voicePlan;
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    @Override
    public CompletableFuture<HttpReply> handle(RouteRequest request) {
        ModemStatus status = modem.status();
        boolean admin = request.caller().has(Privilege.ADMIN);
        return CompletableFuture.completedFuture(HttpReply.json(200, Json.write(g -> {
            g.writeStartObject();
            g.writeBooleanField("simulated", simulated);
            g.writeStringField("transport", transport.get());
            device(g, status.modem());
            g.writeObjectFieldStart("sim");
            g.writeStringField("state", WireViews.wireName(status.sim().state()));
            g.writeEndObject();
            network(g, status.network());
            sms(g, status.sms());
            g.writeObjectFieldStart("voice");
            g.writeStringField("audio_port", WireViews.wireName(modem.voice().status()));
            g.writeStringField("plan", voicePlan ? "loaded" : "none");
            g.writeEndObject();
            if (admin) {
                ModemStatus.Identity identity = status.identity();
                g.writeObjectFieldStart("identity");
                g.writeStringField("imei", identity.imei());
                g.writeStringField("imsi", identity.imsi());
                g.writeStringField("iccid", identity.iccid());
                g.writeEndObject();
            }
            g.writeEndObject();
        })));
    }

    private static void device(JsonGenerator g, ModemStatus.Device device) throws IOException {
        g.writeObjectFieldStart("modem");
        g.writeBooleanField("connected", device.connected());
        g.writeStringField("manufacturer", device.manufacturer());
        g.writeStringField("model", device.model());
        g.writeStringField("firmware", device.firmware());
        g.writeStringField("profile", device.profile());
        g.writeNumberField("restarts", device.restarts());
        g.writeNumberField("flood_disconnects", device.floodDisconnects());
        g.writeStringField("halt_reason", device.haltReason());
        g.writeStringField("last_disconnect", device.lastDisconnect());
        g.writeEndObject();
    }

    private static void network(JsonGenerator g, ModemStatus.Network network) throws IOException {
        g.writeObjectFieldStart("network");
        g.writeStringField("registration", WireViews.wireName(network.registration()));
        g.writeStringField("technology", WireViews.wireName(network.technology()));
        g.writeStringField("operator", network.operator());
        SignalQuality signal = network.signal();
        if (signal == null || signal.rssi() == SignalQuality.UNKNOWN) {
            g.writeNullField("rssi");
        } else {
            g.writeNumberField("rssi", signal.rssi());
        }
        OptionalInt dbm = signal == null ? OptionalInt.empty() : signal.dbm();
        if (dbm.isPresent()) {
            g.writeNumberField("dbm", dbm.getAsInt());
        } else {
            g.writeNullField("dbm");
        }
        g.writeEndObject();
    }

    private static void sms(JsonGenerator g, ModemStatus.Sms sms) throws IOException {
        g.writeObjectFieldStart("sms");
        nonNegative(g, "storage_used", sms.storageUsed());
        nonNegative(g, "storage_total", sms.storageTotal());
        g.writeNumberField("sweep_interval_seconds", sms.sweepInterval().toSeconds());
        Instant lastSweep = sms.lastSweep();
        g.writeStringField("last_sweep", lastSweep == null ? null : WireViews.timestamp(lastSweep));
        g.writeNumberField("undecodable", sms.undecodable());
        g.writeEndObject();
    }

    /** The status says -1 for "not known"; the wire says null. */
    private static void nonNegative(JsonGenerator g, String field, int value) throws IOException {
        if (value < 0) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, value);
        }
    }
}
