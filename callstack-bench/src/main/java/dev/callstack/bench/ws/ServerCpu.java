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

    /** Summed CPU nanoseconds of the threads whose name starts with {@code prefix}, now. */
    static long threadNanos(String prefix) {
        long total = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            String name = info.getThreadName();
            if (name.startsWith(prefix)) {
                long cpu = THREADS.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    total += cpu;
                }
            }
        }
        return total;
    }

    /** CPU nanoseconds of the whole JVM (clients, GC and JIT included), now. */
    static long processNanos() {
        return OS.getProcessCpuTime();
    }
}
