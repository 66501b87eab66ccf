package dev.callstack.bench.ws;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time by thread in the tool's own JVM: the server's {@code callstack-*} threads (event loops, accept, blocking
 * pools), which live for the whole run, or the load clients' {@code bench-client-*}. The publishing thread (which
 * runs the hub's fan-out inline) counts its own time, since it ends with each run. GC and JIT threads are not counted.
 * CPU time, not wall time, so other processes on a busy machine do not inflate it. Threads that died between two
 * samples lose their time.
 *
 * <p>Not thread-safe; used by the tool's main thread only.
 */
final class ServerCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ServerCpu() {
    }

    /** Summed CPU nanoseconds of the server's threads, now. */
    static long serverNanos() {
        return threadNanos("callstack-");
    }

    /** Summed user-mode CPU nanoseconds of the server's threads, now (the rest of {@link #serverNanos} is kernel). */
    static long serverUserNanos() {
        return threadNanos("callstack-", true);
    }

    /** Summed CPU nanoseconds of the threads whose name starts with {@code prefix}, now. */
    static long threadNanos(String prefix) {
        return threadNanos(prefix, false);
    }

    /** Summed CPU (or only user-mode, when {@code user}) nanoseconds of the threads named {@code prefix}*, now. */
    static long threadNanos(String prefix, boolean user) {
        long total = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            String name = info.getThreadName();
            if (name.startsWith(prefix)) {
                long cpu = user ? THREADS.getThreadUserTime(info.getThreadId())
                        : THREADS.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    total += cpu;
                }
            }
        }
        return total;
    }

    /** CPU nanoseconds per live thread of the tool's JVM, by thread id, now. */
    static java.util.Map<Long, Long> byThread() {
        java.util.Map<Long, Long> cpu = new java.util.HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long nanos = THREADS.getThreadCpuTime(id);
            if (nanos > 0) {
                cpu.put(id, nanos);
            }
        }
        return cpu;
    }

    /**
     * The threads that used at least {@code share} of {@code total} between {@code before} and now, as
     * "name=ms" (for finding where a run's CPU went).
     */
    static String busiestSince(java.util.Map<Long, Long> before, long total, double share) {
        StringBuilder out = new StringBuilder();
        java.util.Map<Long, Long> now = byThread();
        now.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() >= total * share)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> {
                    ThreadInfo info = THREADS.getThreadInfo(e.getKey());
                    out.append(' ').append(info == null ? "?" : info.getThreadName()).append('=')
                            .append(e.getValue() / 1_000_000).append("ms");
                });
        return out.toString();
    }

    /** CPU nanoseconds of the whole JVM (clients, GC and JIT included), now. */
    static long processNanos() {
        return OS.getProcessCpuTime();
    }
}
