package dev.callstack.core.event;

import java.util.Objects;
import java.util.function.Consumer;

/** Runs the handler on the publishing thread. Thread-safe; the handler must be too. */
final class InlineSubscriber<E extends ModemEvent> extends Subscriber<E> {
    private final Consumer<? super E> handler;
    private final EventBus.ErrorHandler errorHandler;

    InlineSubscriber(EventBus bus, Class<E> type, Consumer<? super E> handler, EventBus.ErrorHandler errorHandler) {
        super(bus, type);
        this.handler = Objects.requireNonNull(handler, "handler");
        this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
    }

    @Override
    void accept(E event) {
        Dispatch.call(handler, event, errorHandler);
    }

    @Override
    public long dropped() {
        return 0;
    }
}
