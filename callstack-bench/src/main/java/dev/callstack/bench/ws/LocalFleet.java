package dev.callstack.bench.ws;

/**
 * A fleet whose clients run in this JVM on threads named {@code bench-client-*}: what they saw is one
 * {@link FleetCounters}, and their CPU is those threads' time.
 *
 * <p>Thread-safe: the counters are.
 */
abstract class LocalFleet implements Fleet {
    /** What the clients saw: each subclass feeds it every text frame. */
    protected final FleetCounters counters = new FleetCounters();

    @Override
    public final void reset() {
        counters.reset();
    }

    @Override
    public final Stats counts() {
        return counters.counts();
    }

    @Override
    public final Stats stats() {
        return counters.stats(ServerCpu.threadNanos("bench-client-"));
    }
}
