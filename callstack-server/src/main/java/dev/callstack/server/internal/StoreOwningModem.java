package dev.callstack.server.internal;

import dev.callstack.core.CallApi;
import dev.callstack.core.Modem;
import dev.callstack.core.ModemState;
import dev.callstack.core.SmsApi;
import dev.callstack.core.UssdApi;
import dev.callstack.core.event.EventBus;
import dev.callstack.core.store.MessageStore;
import java.util.Objects;

/** A modem together with the message store it runs on: closing closes the modem first, then the store. Thread-safe. */
final class StoreOwningModem implements Modem {
    private final Modem modem;
    private final MessageStore store;

    StoreOwningModem(Modem modem, MessageStore store) {
        this.modem = Objects.requireNonNull(modem, "modem");
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public EventBus events() {
        return modem.events();
    }

    @Override
    public ModemState state() {
        return modem.state();
    }

    @Override
    public SmsApi sms() {
        return modem.sms();
    }

    @Override
    public UssdApi ussd() {
        return modem.ussd();
    }

    @Override
    public CallApi calls() {
        return modem.calls();
    }

    @Override
    public void close() {
        try {
            modem.close();
        } finally {
            store.close();
        }
    }
}
