package dev.callstack.core;

import dev.callstack.core.event.UssdResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** USSD on a {@link Modem}: one session at a time. Thread-safe. */
public interface UssdApi {

    /** Sends {@code code} and completes with the network's reply, or {@link ModemTimeoutException} after {@code timeout}. */
    CompletableFuture<UssdResponse> send(UssdCode code, Duration timeout);
}
