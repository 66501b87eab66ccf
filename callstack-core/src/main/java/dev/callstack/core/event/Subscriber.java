package dev.callstack.core.event;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/** One registration on the bus: a type filter plus a way to hand events on. Thread-safe. */
abstract sealed class Subscriber<E extends ModemEvent> implements Subscription
        permits InlineSubscriber, BufferedSubscriber, StreamSubscriber {
    private final EventBus bus;
    private final Class<E> type;
    private final AtomicBoolean active = new AtomicBoolean(true);

    Subscriber(EventBus bus, Class<E> type) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.type = Objects.requireNonNull(type, "type");
    }

    final void offer(ModemEvent event) {
        if (active.get() && type.isInstance(event)) {
            accept(type.cast(event));
        }
    }

    /** Called on the publishing thread for a matching event; must not block. */
    abstract void accept(E event);

    /** Called once, when the subscription closes. */
    void onClose() {
    }

    @Override
    public final boolean isActive() {
        return active.get();
    }

    @Override
    public final void close() {
        if (active.compareAndSet(true, false)) {
            bus.unregister(this);
            onClose();
        }
    }
}
