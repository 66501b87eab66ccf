package dev.callstack.core.event;

/** A handler registered on the {@link EventBus}. Closing it stops delivery; closing twice is harmless. */
public interface Subscription extends AutoCloseable {

    /**
     * Events this subscriber lost to buffer overflow (drop-oldest).
     *
     * @return the count so far; always 0 for inline subscribers
     */
    long dropped();

    /**
     * Whether events are still delivered.
     *
     * @return false once closed, or once the bus was closed
     */
    boolean isActive();

    @Override
    void close();
}
