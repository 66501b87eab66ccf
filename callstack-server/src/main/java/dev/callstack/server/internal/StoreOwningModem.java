package dev.callstack.server.internal;

import dev.callstack.core.Modem;
import dev.callstack.core.store.MessageStore;
import java.util.Objects;

/** A modem together with the message store it runs on: closing closes the modem first, then the store. Thread-safe. */
final class StoreOwningModem extends DelegatingModem {
    private final MessageStore store;

    StoreOwningModem(Modem modem, MessageStore store) {
        super(modem);
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void close() {
        try {
            delegate().close();
        } finally {
            store.close();
        }
    }
}
