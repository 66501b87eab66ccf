package dev.callstack.bench.ws;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the server's side of a load run in the tool's own JVM: the publishing thread ({@code main}, which runs
 * the hub's fan-out inline) plus every {@code callstack-*} thread (event loops, accept, blocking pools). The load
 * clients ({@code bench-client-*}), GC and JIT threads are not counted. CPU time, not wall time, so other processes
 * on a busy machine do not inflate it. Threads that died between two samples lose their time; the server's threads
 * live for the whole run.
 *
 * <p>Not thread-safe; used by the tool's main thread only.
 */
final class ServerCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ServerCpu() {
    }

    /** Summed CPU nanoseconds of the server's threads and the publisher, now. */
    static long serverNanos() {
        long total = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            String name = info.getThreadName();
            if (name.equals("main") || name.startsWith("callstack-")) {
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
