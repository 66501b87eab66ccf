package dev.callstack.server;

import dev.callstack.core.CallApi;
import dev.callstack.core.Modem;
import dev.callstack.core.ModemState;
import dev.callstack.core.ModemStatus;
import dev.callstack.core.Outbox;
import dev.callstack.core.SmsApi;
import dev.callstack.core.UssdApi;
import dev.callstack.core.event.EventBus;
import dev.callstack.testkit.FakeModem;
import java.util.Objects;

/** A modem that is {@code fake} in everything; tests override the one method whose behaviour should differ. */
class ForwardingModem implements Modem {
    private final FakeModem fake;

    ForwardingModem(FakeModem fake) {
        this.fake = Objects.requireNonNull(fake, "fake");
    }

    final FakeModem fake() {
        return fake;
    }

    @Override
    public EventBus events() {
        return fake.events();
    }

    @Override
    public ModemState state() {
        return fake.state();
    }

    @Override
    public ModemStatus status() {
        return fake.status();
    }

    @Override
    public SmsApi sms() {
        return fake.sms();
    }

    @Override
    public Outbox outbox() {
        return fake.outbox();
    }

    @Override
    public UssdApi ussd() {
        return fake.ussd();
    }

    @Override
    public CallApi calls() {
        return fake.calls();
    }

    @Override
    public void close() {
        fake.close();
    }
}
