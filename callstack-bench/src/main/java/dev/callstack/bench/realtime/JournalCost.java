package dev.callstack.bench.realtime;

import dev.callstack.core.event.EventBus;
import dev.callstack.core.event.SmsReceived;
import dev.callstack.realtime.ClientSink;
import dev.callstack.realtime.EncodedMessage;
import dev.callstack.realtime.EventJournal;
import dev.callstack.realtime.EventSelection;
import dev.callstack.realtime.RealtimeConfig;
import dev.callstack.realtime.RealtimeHub;
import dev.callstack.realtime.View;
import dev.callstack.server.CallstackServer;
import dev.callstack.server.EventJournals;
import dev.callstack.server.Privilege;
import dev.callstack.testkit.FakeModem;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Issue 13 §4's journal figures.
 *
 * <p>(1) What the journal costs the fan-out. One publisher thread publishes an inbound SMS at a fixed rate (paced by
 * the clock, not as fast as it can) for a fixed time to 100 writable {@link ClientSink}s that only count, first to a
 * hub without journal, then to a hub with the server's SQLite journal on a file. The cost is the <em>process</em> CPU
 * time per event ({@code OperatingSystemMXBean.getProcessCpuTime}, every thread: publisher, journal writer, fan-out,
 * and the JVM's own GC and JIT, which run in both cases), so moving work to another thread cannot hide it; and,
 * less noisy, the CPU time of the hub's own threads only (the publisher, which fans out itself without journal, plus
 * the journal writer, which stores and fans out with one). Other processes on a busy machine do not count. Also the
 * latency the journal adds: from {@code bus.publish} to the
 * hand-over to the <em>last</em> of the 100 sinks (p50/p99/max over every event, after warm-up). Both configurations
 * first run once unmeasured (so the JIT compiles the journal's code before round 1); then each configuration warms up
 * for 3 s and is measured for {@code seconds}; then the next one runs, and the pair is repeated
 * {@code rounds} times so a change in the machine's load shows as a spread, not as a difference.
 *
 * <p>(2) The replay of 100 000 journal events to one client: the real server on loopback over a {@link FakeModem}
 * and a SQLite file, the journal filled through the modem, then a JDK WebSocket connecting with {@code since=0}; wall
 * time from the connect until the last event arrived, measured {@code rounds} times on the same server.
 *
 * <p>Run: {@code java -cp <callstack-bench classpath> dev.callstack.bench.realtime.JournalCost [rate events/s]
 * [seconds] [rounds] [skip-replay]}, defaults 500 events/s (50 000 deliveries/s), 5 s, 2 rounds. Not thread-safe; a
 * command-line tool.
 */
public final class JournalCost {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int CLIENTS = 100;
    private static final int REPLAYED = 100_000;
    private static final String KEY = "bench-key-journal-0001";
    private static final Duration WARM_UP = Duration.ofSeconds(3);

    private JournalCost() {
    }

    /**
     * Runs both figures and prints them.
     *
     * @param args rate (events/s), seconds per measurement, rounds, and "skip-replay" to run (1) only
     * @throws Exception when the server or a file fails
     */
    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        boolean replay = args.length <= 3 || !"skip-replay".equals(args[3]);
        PrintStream out = System.out;
        Path dir = Files.createTempDirectory("callstack-journal-bench");
        try {
            out.printf("nproc %d, load average %.2f; %d clients, %d events/s, %d s per measurement%n",
                    Runtime.getRuntime().availableProcessors(), OS.getSystemLoadAverage(), CLIENTS, rate, seconds);
            // Both paths once, unmeasured, so the JIT's work on the journal's code (SQLite JDBC, the writer) does not
            // land in round 1's "with" figure while the "without" path was compiled in the warm-up of the run before.
            publishCost(null, rate, 1);
            try (EventJournal journal = EventJournals.sqlite(dir.resolve("append-0.db"))) {
                publishCost(journal, rate, 1);
            }
            for (int round = 1; round <= rounds; round++) {
                Result without = publishCost(null, rate, seconds);
                Result with;
                try (EventJournal journal = EventJournals.sqlite(dir.resolve("append-" + round + ".db"))) {
                    with = publishCost(journal, rate, seconds);
                }
                out.printf("round %d (load %.2f): without journal %s | with SQLite journal %s | CPU %+.1f %%%n", round,
                        OS.getSystemLoadAverage(), without, with,
                        (with.cpuNanosPerEvent - without.cpuNanosPerEvent) * 100 / without.cpuNanosPerEvent);
                out.printf("round %d hub threads: CPU %+.1f %%%n", round,
                        (with.hubNanosPerEvent - without.hubNanosPerEvent) * 100 / without.hubNanosPerEvent);
            }
            if (replay) {
                replayMillis(dir.resolve("replay.db"), rounds, out);
            }
        } finally {
            deleteTree(dir); // the SQLite files of every round: tens of MB per run
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** One measurement: process and hub-thread CPU per event and publish → last sink latency. */
    private record Result(double cpuNanosPerEvent, double hubNanosPerEvent, long events, long p50Nanos, long p99Nanos,
                          long maxNanos) {
        @Override
        public String toString() {
            return String.format("process %.0f ns CPU/event, hub threads %.0f ns/event (%d events), latency p50 %.1f us"
                    + " p99 %.1f us max %.1f us", cpuNanosPerEvent, hubNanosPerEvent, events, p50Nanos / 1e3,
                    p99Nanos / 1e3, maxNanos / 1e3);
        }
    }

    /** CPU time of the calling thread plus the journal writer's, if there is one. */
    private static long hubThreadsCpu() {
        long total = THREADS.getCurrentThreadCpuTime();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("callstack-journal-writer")) {
                total += Math.max(0, THREADS.getThreadCpuTime(thread.getId()));
            }
        }
        return total;
    }

    private static Result publishCost(EventJournal journal, int rate, int seconds) {
        SmsReceived sms = new SmsReceived(Instant.parse("2026-11-26T19:44:39.123Z"), "+15550100100",
                "Your code is 123456. It expires in 10 minutes.", null, 1, 42L);
        int measured = rate * seconds;
        int warmUp = (int) (rate * WARM_UP.toSeconds());
        long[] publishedAt = new long[warmUp + measured];
        TimedSink last = new TimedSink(publishedAt.length);
        try (EventBus bus = new EventBus();
             RealtimeHub hub = journal == null ? new RealtimeHub(bus, RealtimeConfig.defaults())
                     : new RealtimeHub(bus, RealtimeConfig.defaults(), journal)) {
            for (int i = 0; i < CLIENTS - 1; i++) {
                hub.register(new CountingSink("journal-" + i, true), EventSelection.all(), View.REDACTED);
            }
            hub.register(last, EventSelection.all(), View.REDACTED); // registered last: fanned out to last
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            long cpuStart = 0;
            long hubStart = 0;
            long next = System.nanoTime();
            for (int i = 0; i < publishedAt.length; i++) {
                if (i == warmUp) {
                    awaitDelivered(last, i);
                    cpuStart = OS.getProcessCpuTime();
                    hubStart = hubThreadsCpu();
                }
                next += interval;
                long now;
                while ((now = System.nanoTime()) < next) {
                    LockSupport.parkNanos(next - now);
                }
                publishedAt[i] = System.nanoTime();
                bus.publish(sms);
            }
            awaitDelivered(last, publishedAt.length);
            long cpu = OS.getProcessCpuTime() - cpuStart;
            long hubCpu = hubThreadsCpu() - hubStart;
            if (hub.journalFailures() > 0) {
                throw new IllegalStateException("journal failures: " + hub.journalFailures());
            }
            long[] latencies = new long[measured];
            for (int i = 0; i < measured; i++) {
                latencies[i] = last.receivedAt[warmUp + i] - publishedAt[warmUp + i];
            }
            Arrays.sort(latencies);
            return new Result(cpu / (double) measured, hubCpu / (double) measured, measured, latencies[measured / 2],
                    latencies[(int) (measured * 0.99)], latencies[measured - 1]);
        }
    }

    /** Waits (parking, off the measured CPU as far as possible) until the last sink has {@code count} events. */
    private static void awaitDelivered(TimedSink sink, int count) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (sink.count() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("events not delivered: " + sink.count() + " of " + count);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** The last client: records when each event (not the hello) was handed to it. Thread-safe (one sender). */
    private static final class TimedSink implements ClientSink {
        final long[] receivedAt;
        private volatile int count;
        private boolean helloSeen;

        TimedSink(int events) {
            receivedAt = new long[events];
        }

        int count() {
            return count;
        }

        @Override
        public String connectionId() {
            return "journal-timed";
        }

        @Override
        public void send(EncodedMessage message) {
            long now = System.nanoTime();
            if (!helloSeen) {
                helloSeen = true;
                return;
            }
            int n = count;
            receivedAt[n] = now;
            count = n + 1; // the hub never calls one sink from two threads at once
        }

        @Override
        public boolean isWritable() {
            return true;
        }

        @Override
        public void close(int code, String reason) {
        }
    }

    private static void replayMillis(Path db, int rounds, PrintStream out) throws Exception {
        try (FakeModem modem = new FakeModem();
             CallstackServer server = CallstackServer.builder(modem).host("127.0.0.1").port(0)
                     .apiKey(KEY, Privilege.SEND).quotaDatabase(db).wsQueueCapacity(10_000).build()) {
            int port = server.start();
            for (int i = 0; i < REPLAYED; i++) {
                modem.dtmf((char) ('0' + i % 10));
            }
            awaitJournaled(port, REPLAYED);
            for (int round = 1; round <= rounds; round++) {
                Counter counter = new Counter(REPLAYED + 1); // hello + events
                long start = System.nanoTime();
                WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                        .header("Authorization", "Bearer " + KEY)
                        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws?since=0"), counter)
                        .get(30, TimeUnit.SECONDS);
                counter.done.get(5, TimeUnit.MINUTES);
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                socket.abort();
                out.printf("replay %d: %d journal events to one WebSocket client in %d ms (load %.2f)%n", round,
                        REPLAYED, millis, OS.getSystemLoadAverage());
            }
        }
    }

    /** Waits until the journal holds event {@code id} ({@code GET /events}), so the replay reads a settled journal. */
    private static void awaitJournaled(int port, long id) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events?since="
                + (id - 1) + "&limit=1")).header("Authorization", "Bearer " + KEY).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!http.send(probe, HttpResponse.BodyHandlers.ofString()).body().contains("\"id\":" + id)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the journal did not reach event " + id);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    /** Counts whole text messages; completes after the expected number. */
    private static final class Counter implements WebSocket.Listener {
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private final int expected;
        private int messages;

        Counter(int expected) {
            this.expected = expected;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (last && ++messages == expected) {
                done.complete(null);
            }
            webSocket.request(1);
            return null;
        }
    }
}
