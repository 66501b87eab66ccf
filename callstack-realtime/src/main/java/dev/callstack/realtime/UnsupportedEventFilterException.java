package dev.callstack.realtime;

import java.util.List;

/**
 * An {@code events} filter named an event that does not exist. The message never echoes the offending name, so it is
 * safe to log and to return to the caller.
 */
public final class UnsupportedEventFilterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The names a client may use instead, for the error response. */
    private final List<String> supportedEvents;

    UnsupportedEventFilterException(List<String> supportedEvents) {
        super("unsupported WebSocket event filter");
        this.supportedEvents = List.copyOf(supportedEvents);
    }

    /**
     * Every supported event name, in wire order, so the error response can list them.
     *
     * @return an immutable list
     */
    public List<String> supportedEvents() {
        return supportedEvents;
    }
}
