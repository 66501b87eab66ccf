package dev.callstack.bench.ws;

import java.net.URI;

/**
 * The load tool's WebSocket clients: in its own JVM ({@link ClientFleet}) or in a child process
 * ({@link RemoteFleet}), so the clients' CPU does not sit in the server's process.
 */
interface Fleet extends AutoCloseable {

    /** What the clients saw since the last {@link #reset}, and the clients' CPU time so far. */
    record Stats(long events, long dropped, long p50Nanos, long p99Nanos, long maxNanos, long cpuNanos) {
    }

    /** Connects {@code n} clients (at most {@code parallel} handshakes at a time) and waits for every hello. */
    void connect(URI uri, String bearer, int n, int parallel) throws InterruptedException;

    /** Zeroes the counters and the latency histogram. */
    void reset();

    /** Counters only (cheap, polled while waiting). */
    Stats counts();

    /** Counters, latency quantiles and CPU. */
    Stats stats();

    @Override
    void close();
}
