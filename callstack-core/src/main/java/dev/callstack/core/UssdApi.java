package dev.callstack.core;

import dev.callstack.core.event.UssdResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** USSD on a {@link Modem}: one session at a time. Thread-safe. */
public interface UssdApi {

    /**
     * Sends {@code code} and completes with the network's reply, or {@link ModemTimeoutException} after
     * {@code timeout}.
     *
     * @param code the USSD code, e.g. {@code *100#}; not null
     * @param timeout how long to wait for the network's reply; positive
     * @return completes with the first reply to this request
     */
    CompletableFuture<UssdResponse> send(UssdCode code, Duration timeout);
}
