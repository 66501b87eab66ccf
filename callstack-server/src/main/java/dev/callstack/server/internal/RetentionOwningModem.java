package dev.callstack.server.internal;

import dev.callstack.core.Modem;
import java.util.Objects;

/** A modem together with the retention sweeper on its store: closing stops the sweeper first. Thread-safe. */
final class RetentionOwningModem extends DelegatingModem {
    private final RetentionSweeper sweeper;

    RetentionOwningModem(Modem modem, RetentionSweeper sweeper) {
        super(modem);
        this.sweeper = Objects.requireNonNull(sweeper, "sweeper");
    }

    /** The sweeper, for tests that check it stops with the modem. */
    RetentionSweeper sweeper() {
        return sweeper;
    }

    @Override
    public void close() {
        try {
            sweeper.close();
        } finally {
            delegate().close();
        }
    }
}
