package com.example.alerts;

import dev.callstack.core.Modem;
import dev.callstack.core.PhoneNumber;
import dev.callstack.core.SmsSendResult;
import java.util.concurrent.CompletableFuture;

/** The code under test: it only knows the core {@link Modem} interface. */
public final class AlertService {
    private final Modem modem;

    public AlertService(Modem modem) {
        this.modem = modem;
    }

    public CompletableFuture<SmsSendResult> alert(String to, String text) {
        return modem.sms().send(PhoneNumber.of(to), text);
    }
}
