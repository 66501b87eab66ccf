package dev.callstack.bench.realtime;

import dev.callstack.core.event.EventBus;
import dev.callstack.core.event.SmsReceived;
import dev.callstack.realtime.EventSelection;
import dev.callstack.realtime.RealtimeConfig;
import dev.callstack.realtime.RealtimeHub;
import dev.callstack.realtime.View;
import dev.callstack.realtime.internal.EnvelopeEncoder;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;

/**
 * A cross-check for the JMH figures on a busy machine: the same operations as {@link HubFanOutBenchmark} and
 * {@link EnvelopeEncodeBenchmark}, timed in CPU time of the publishing thread, so time spent descheduled by other
 * processes does not count. Cruder than JMH (no forks, no blackholes; the last of three rounds is printed).
 *
 * <p>Run: {@code ./callstack-bench/run-jmh.sh} is for JMH; this one runs with
 * {@code mvn -B -ntp -q -pl callstack-bench -am package -DskipTests -Pjmh
 * -Dbench.main=dev.callstack.bench.realtime.FanOutCpuTime -Djmh.args=}. Not thread-safe; a command-line tool.
 */
public final class FanOutCpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private FanOutCpuTime() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        SmsReceived sms = new SmsReceived(Instant.parse("2026-11-26T19:44:39.123Z"), "+15550100100",
                "Your code is 123456. It expires in 10 minutes.", null, 1, 42L);
        EnvelopeEncoder encoder = new EnvelopeEncoder();
        long checksum = 0;
        double perOp = 0;
        for (int round = 0; round < 3; round++) {
            int n = 1_000_000;
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                checksum += encoder.event(i, sms, View.REDACTED).length;
            }
            perOp = (THREADS.getCurrentThreadCpuTime() - start) / (double) n;
        }
        out.printf("encode sms.received (redacted): %.0f ns CPU/event%n", perOp);
        for (int clients : new int[] {1, 100, 10_000}) {
            for (boolean writable : new boolean[] {true, false}) {
                try (EventBus bus = new EventBus(); RealtimeHub hub = new RealtimeHub(bus, RealtimeConfig.defaults())) {
                    CountingSink[] sinks = new CountingSink[clients];
                    for (int i = 0; i < clients; i++) {
                        sinks[i] = new CountingSink("cpu-" + i, writable);
                        hub.register(sinks[i], EventSelection.all(), View.REDACTED);
                    }
                    int n = Math.max(200, 2_000_000 / clients);
                    for (int round = 0; round < 3; round++) {
                        long start = THREADS.getCurrentThreadCpuTime();
                        for (int i = 0; i < n; i++) {
                            bus.publish(sms);
                        }
                        perOp = (THREADS.getCurrentThreadCpuTime() - start) / (double) n;
                    }
                    for (CountingSink sink : sinks) {
                        checksum += sink.sent;
                    }
                    out.printf("publish, %5d %-8s clients: %9.0f ns CPU/event, %6.1f ns/client%n", clients,
                            writable ? "writable" : "stalled", perOp, perOp / clients);
                }
            }
        }
        out.println("(checksum " + checksum + ")");
    }
}
