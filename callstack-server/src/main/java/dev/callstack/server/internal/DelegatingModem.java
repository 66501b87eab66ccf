package dev.callstack.server.internal;

import dev.callstack.core.CallApi;
import dev.callstack.core.Modem;
import dev.callstack.core.ModemState;
import dev.callstack.core.ModemStatus;
import dev.callstack.core.Outbox;
import dev.callstack.core.SmsApi;
import dev.callstack.core.UssdApi;
import dev.callstack.core.event.EventBus;
import dev.callstack.core.voice.VoiceApi;
import java.util.Objects;

/**
 * A modem that is another modem plus things it owns: everything but {@link #close()} goes to the wrapped modem, so
 * the wrappers only say what else they close, and in which order. Thread-safe when the wrapped modem is.
 */
abstract class DelegatingModem implements Modem {
    private final Modem modem;

    DelegatingModem(Modem modem) {
        this.modem = Objects.requireNonNull(modem, "modem");
    }

    /** The wrapped modem. */
    final Modem delegate() {
        return modem;
    }

    @Override
    public final EventBus events() {
        return modem.events();
    }

    @Override
    public final ModemState state() {
        return modem.state();
    }

    @Override
    public final ModemStatus status() {
        return modem.status();
    }

    @Override
    public final SmsApi sms() {
        return modem.sms();
    }

    @Override
    public final UssdApi ussd() {
        return modem.ussd();
    }

    @Override
    public final CallApi calls() {
        return modem.calls();
    }

    @Override
    public final Outbox outbox() {
        return modem.outbox();
    }

    @Override
    public final VoiceApi voice() {
        return modem.voice();
    }
}
