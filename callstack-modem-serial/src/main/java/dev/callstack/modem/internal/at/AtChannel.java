package dev.callstack.modem.internal.at;

import java.util.concurrent.CompletableFuture;

/**
 * What services use to talk to the modem. Futures complete on the engine thread: dependent stages must not block
 * (use the {@code *Async} variants or wait from your own thread).
 */
@FunctionalInterface
public interface AtChannel {
    CompletableFuture<AtResponse> execute(AtCommand command);
}
