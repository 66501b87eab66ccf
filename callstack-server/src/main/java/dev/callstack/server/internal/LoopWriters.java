package dev.callstack.server.internal;

import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One {@link LoopWriter} per event loop of a server, created when the loop's first realtime client connects.
 *
 * <p>Thread-safe.
 */
final class LoopWriters {
    private final ConcurrentMap<EventLoop, LoopWriter> writers = new ConcurrentHashMap<>();
    private final Duration flushInterval;

    /** {@code flushInterval}: see {@link LoopWriter}; zero flushes every batch at once. */
    LoopWriters(Duration flushInterval) {
        this.flushInterval = Objects.requireNonNull(flushInterval, "flushInterval");
    }

    /** The writer of {@code loop}. */
    LoopWriter of(EventLoop loop) {
        return writers.computeIfAbsent(Objects.requireNonNull(loop, "loop"), l -> new LoopWriter(l, flushInterval));
    }
}
