package dev.callstack.bench.realtime;

import dev.callstack.core.event.EventBus;
import dev.callstack.core.event.SmsReceived;
import dev.callstack.realtime.EventJournal;
import dev.callstack.realtime.EventSelection;
import dev.callstack.realtime.RealtimeConfig;
import dev.callstack.realtime.RealtimeHub;
import dev.callstack.realtime.View;
import dev.callstack.server.CallstackServer;
import dev.callstack.server.EventJournals;
import dev.callstack.server.Privilege;
import dev.callstack.testkit.FakeModem;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Issue 13 §4's journal figures. (1) The journal append's cost on fan-out: CPU time of the publishing thread per
 * {@code bus.publish} of an inbound SMS to 100 writable clients, hub without a journal vs with the server's SQLite
 * journal on a file (the append commits in WAL before fan-out; the hub then also encodes the content view). (2) The
 * replay of 100 000 journal events to one client: the real server on loopback over a {@link FakeModem} and a SQLite
 * file, a JDK WebSocket connecting with {@code since=0}, wall time from the connect until the last event arrived.
 * CPU time, not wall time, for (1), so other processes on a busy machine do not count.
 *
 * <p>Run: {@code ./mvnw -B -ntp -q -pl callstack-bench -am package -DskipTests -Pjmh
 * -Dbench.main=dev.callstack.bench.realtime.JournalCost -Djmh.args=}. Not thread-safe; a command-line tool.
 */
public final class JournalCost {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int CLIENTS = 100;
    private static final int REPLAYED = 100_000;
    private static final String KEY = "bench-key-journal-0001";

    private JournalCost() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        Path dir = Files.createTempDirectory("callstack-journal-bench");
        double without = publishCost(null);
        double with;
        try (EventJournal journal = EventJournals.sqlite(dir.resolve("append.db"))) {
            with = publishCost(journal);
        }
        out.printf("publish to %d writable clients: %.0f ns CPU/event without journal, %.0f ns with SQLite journal "
                + "(+%.1f %%)%n", CLIENTS, without, with, (with - without) * 100 / without);
        out.printf("replay of %d journal events to one WebSocket client: %d ms%n", REPLAYED,
                replayMillis(dir.resolve("replay.db")));
    }

    private static double publishCost(EventJournal journal) {
        SmsReceived sms = new SmsReceived(Instant.parse("2026-11-26T19:44:39.123Z"), "+15550100100",
                "Your code is 123456. It expires in 10 minutes.", null, 1, 42L);
        try (EventBus bus = new EventBus();
             RealtimeHub hub = journal == null ? new RealtimeHub(bus, RealtimeConfig.defaults())
                     : new RealtimeHub(bus, RealtimeConfig.defaults(), journal)) {
            for (int i = 0; i < CLIENTS; i++) {
                hub.register(new CountingSink("journal-" + i, true), EventSelection.all(), View.REDACTED);
            }
            double perOp = 0;
            int n = 20_000;
            for (int round = 0; round < 3; round++) {
                long start = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    bus.publish(sms);
                }
                perOp = (THREADS.getCurrentThreadCpuTime() - start) / (double) n;
            }
            if (hub.journalFailures() > 0) {
                throw new IllegalStateException("journal failures: " + hub.journalFailures());
            }
            return perOp;
        }
    }

    private static long replayMillis(Path db) throws Exception {
        try (FakeModem modem = new FakeModem();
             CallstackServer server = CallstackServer.builder(modem).host("127.0.0.1").port(0)
                     .apiKey(KEY, Privilege.SEND).quotaDatabase(db).wsQueueCapacity(10_000).build()) {
            int port = server.start();
            for (int i = 0; i < REPLAYED; i++) {
                modem.dtmf((char) ('0' + i % 10));
            }
            Counter counter = new Counter(REPLAYED + 1); // hello + events
            long start = System.nanoTime();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .header("Authorization", "Bearer " + KEY)
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws?since=0"), counter)
                    .get(30, TimeUnit.SECONDS);
            counter.done.get(5, TimeUnit.MINUTES);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            socket.abort();
            return millis;
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
