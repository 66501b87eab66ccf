package dev.callstack.core.event;

import java.util.function.Consumer;

/** The one place a handler is called, so a failing handler is isolated the same way in every delivery mode. */
final class Dispatch {
    private Dispatch() {
    }

    static <E extends ModemEvent> void call(Consumer<? super E> handler, E event, EventBus.ErrorHandler errors) {
        try {
            handler.accept(event);
        } catch (Throwable failure) {
            try {
                errors.onError(event, failure);
            } catch (Throwable ignored) {
                // An error handler that fails itself must not take the publisher or dispatcher down with it.
            }
        }
    }
}
