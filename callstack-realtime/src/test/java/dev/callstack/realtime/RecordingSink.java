package dev.callstack.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test transport: records what it is sent and lets the test decide writability through a send budget (unlimited =
 * fast client, 0 = stalled, grants = slow client). Also notices if two threads ever send at once.
 *
 * <p>Thread-safe.
 */
final class RecordingSink implements ClientSink {
    static final long UNLIMITED = Long.MAX_VALUE / 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String connectionId;
    private final AtomicLong budget;
    private final List<EncodedMessage> messages = new ArrayList<>();
    private final AtomicInteger sendersInside = new AtomicInteger();
    private final AtomicInteger concurrentSends = new AtomicInteger();
    private final AtomicInteger closeCalls = new AtomicInteger();
    private volatile ClientHandle handle;
    private volatile int closeCode;
    private volatile String closeReason;

    private RecordingSink(String connectionId, long budget) {
        this.connectionId = connectionId;
        this.budget = new AtomicLong(budget);
    }

    static RecordingSink writable(String connectionId) {
        return new RecordingSink(connectionId, UNLIMITED);
    }

    static RecordingSink stalled(String connectionId) {
        return new RecordingSink(connectionId, 0);
    }

    /** Registers this sink and remembers the handle for {@link #grant}. */
    ClientHandle registerOn(RealtimeHub hub, EventSelection selection, View view) {
        ClientHandle registered = hub.register(this, selection, view);
        handle = registered;
        return registered;
    }

    void attach(ClientHandle registered) {
        handle = registered;
    }

    /** Allows {@code messages} more sends and tells the handle, as a transport does when its buffer drains. */
    void grant(long messages) {
        budget.addAndGet(messages);
        ClientHandle current = handle;
        if (current != null) {
            current.writabilityChanged();
        }
    }

    void resume() {
        grant(UNLIMITED);
    }

    void stall() {
        budget.set(0);
    }

    @Override
    public String connectionId() {
        return connectionId;
    }

    @Override
    public void send(EncodedMessage message) {
        if (sendersInside.incrementAndGet() != 1) {
            concurrentSends.incrementAndGet();
        }
        try {
            synchronized (messages) {
                messages.add(message);
            }
            budget.decrementAndGet();
        } finally {
            sendersInside.decrementAndGet();
        }
    }

    @Override
    public boolean isWritable() {
        return budget.get() > 0;
    }

    @Override
    public void close(int code, String reason) {
        closeCode = code;
        closeReason = reason;
        closeCalls.incrementAndGet();
    }

    List<EncodedMessage> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    List<String> texts() {
        return messages().stream().map(EncodedMessage::text).toList();
    }

    List<JsonNode> json() {
        return messages().stream().map(RecordingSink::parse).toList();
    }

    int messageCount() {
        synchronized (messages) {
            return messages.size();
        }
    }

    int concurrentSends() {
        return concurrentSends.get();
    }

    int closeCalls() {
        return closeCalls.get();
    }

    int closeCode() {
        return closeCode;
    }

    String closeReason() {
        return closeReason;
    }

    static JsonNode parse(EncodedMessage message) {
        try {
            return JSON.readTree(message.utf8());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
