package dev.callstack.bench.realtime;

import dev.callstack.realtime.ClientSink;
import dev.callstack.realtime.EncodedMessage;

/**
 * A transport that accepts (writable) or refuses (stalled) every message and only counts, so the benchmarks measure
 * the hub rather than a network stack. Not thread-safe; confined to the benchmark thread.
 */
final class CountingSink implements ClientSink {
    private final String connectionId;
    private final boolean writable;
    long sent;
    int lastLength;

    CountingSink(String connectionId, boolean writable) {
        this.connectionId = connectionId;
        this.writable = writable;
    }

    @Override
    public String connectionId() {
        return connectionId;
    }

    @Override
    public void send(EncodedMessage message) {
        sent++;
        lastLength = message.utf8().length;
    }

    @Override
    public boolean isWritable() {
        return writable;
    }

    @Override
    public void close(int code, String reason) {
    }
}
