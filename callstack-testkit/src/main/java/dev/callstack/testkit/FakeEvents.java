package dev.callstack.testkit;

import dev.callstack.core.AccessTechnology;
import dev.callstack.core.Registration;
import dev.callstack.core.event.CallStateChanged;
import dev.callstack.core.event.DeliveryStatus;
import dev.callstack.core.event.DtmfReceived;
import dev.callstack.core.event.EventBus;
import dev.callstack.core.event.ModemConnected;
import dev.callstack.core.event.ModemDisconnected;
import dev.callstack.core.event.ModemEvent;
import dev.callstack.core.event.NetworkRegistrationChanged;
import dev.callstack.core.event.SignalQuality;
import dev.callstack.core.event.SmsDeliveryReport;
import dev.callstack.core.event.SmsReceived;
import dev.callstack.core.event.UssdResponse;
import java.time.Clock;
import java.util.Objects;

/**
 * Events a test injects into a {@link FakeModem}: stamped with its clock, applied to the state they describe (so
 * {@code state()} agrees with what was published; inbound SMS and status reports are stored), then published.
 * Thread-safe: the parts it updates are.
 */
final class FakeEvents {
    private final Clock clock;
    private final EventBus bus;
    private final FakeNetwork network;
    private final FakeCalls calls;
    private final FakeSmsStore store;

    FakeEvents(Clock clock, EventBus bus, FakeNetwork network, FakeCalls calls, FakeSmsStore store) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.network = Objects.requireNonNull(network, "network");
        this.calls = Objects.requireNonNull(calls, "calls");
        this.store = Objects.requireNonNull(store, "store");
    }

    SmsReceived receiveSms(String from, String body, int parts) {
        SmsReceived event = store.receive(from, body, parts);
        bus.publish(event);
        return event;
    }

    SmsDeliveryReport deliveryReport(int reference, String recipient, DeliveryStatus status) {
        SmsDeliveryReport event = store.report(reference, recipient, status);
        bus.publish(event);
        return event;
    }

    void dtmf(char digit) {
        bus.publish(new DtmfReceived(clock.instant(), digit));
    }

    SignalQuality signal(int rssi, int ber) {
        SignalQuality event = new SignalQuality(clock.instant(), rssi, ber);
        publish(event);
        return event;
    }

    void disconnect(String reason) {
        Objects.requireNonNull(reason, "reason");
        publish(new ModemDisconnected(clock.instant(), reason));
    }

    void reconnect() {
        publish(new ModemConnected(clock.instant()));
    }

    UssdResponse ussdResponse(int status, String message, int dcs) {
        UssdResponse event = new UssdResponse(clock.instant(), status, message, dcs);
        bus.publish(event);
        return event;
    }

    void publish(ModemEvent event) {
        Objects.requireNonNull(event, "event");
        if (event instanceof SignalQuality quality) {
            network.signal(quality);
        } else if (event instanceof CallStateChanged changed) {
            calls.stateChanged(changed.state());
        } else if (event instanceof ModemConnected) {
            network.connected();
        } else if (event instanceof ModemDisconnected) {
            network.disconnected();
        } else if (event instanceof NetworkRegistrationChanged changed) {
            var unused = network.registration(changed.registration(), changed.technology());
        }
        bus.publish(event);
    }

    void registration(Registration registration, AccessTechnology technology) {
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(technology, "technology");
        if (network.registration(registration, technology)) {
            bus.publish(new NetworkRegistrationChanged(clock.instant(), registration, technology));
        }
    }
}
