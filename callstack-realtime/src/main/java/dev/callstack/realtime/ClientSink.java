package dev.callstack.realtime;

/**
 * One realtime client as seen by the {@link RealtimeHub}: the transport (a WebSocket channel, a test sink, ...) plugs
 * in here. The hub never calls {@link #send} from two threads at once for one sink, and calls it in message order.
 *
 * <p>Implementations must be thread-safe: the hub calls them from publishing threads and from whichever thread calls
 * {@link ClientHandle#writabilityChanged()}.
 */
public interface ClientSink {

    /**
     * An opaque id for logs and metrics; never a number, key or anything personal.
     *
     * @return the id; stable for the connection's lifetime
     */
    String connectionId();

    /**
     * Writes one message as one text frame ({@code message.utf8()} bytes). Must not block: a transport whose writes
     * complete later just enqueues them. The byte array is shared between clients and must not be mutated.
     *
     * @param message the encoded message; shared, read-only
     */
    void send(EncodedMessage message);

    /**
     * Whether the transport accepts more messages now. When this turns from false to true the transport calls
     * {@link ClientHandle#writabilityChanged()}.
     *
     * @return true while the transport's outbound buffer has room
     */
    boolean isWritable();

    /**
     * Closes the connection with a WebSocket close code and reason (1001 on shutdown, 4008 for a slow consumer).
     *
     * @param code the WebSocket close status code
     * @param reason a short ASCII reason for the close frame (at most 123 bytes); contains no personal data
     */
    void close(int code, String reason);
}
