package dev.callstack.bench.ws;

import dev.callstack.core.event.SmsReceived;
import dev.callstack.server.CallstackServer;
import dev.callstack.server.CallstackServerBuilder;
import dev.callstack.server.Privilege;
import dev.callstack.server.ServerTransport;
import dev.callstack.testkit.FakeModem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * WebSocket load tool: the real server on loopback over a {@link FakeModem}, N Netty clients on the content view,
 * SMS events published straight onto the modem's EventBus (at full rate, then at fixed rates) with the publish time
 * in the body. Reports deliveries per second, publish→receipt latency p50/p99/max and drops per scenario, then the
 * server's heap per idle connection with the idle clients in a child JVM. Bounded in clients, events and time;
 * loopback only. Per delivered event: {@code srv_ns/dlv} is the server's CPU time ({@link ServerCpu}: the
 * publishing thread, which runs the hub's fan-out inline, plus the {@code callstack-*} threads), {@code pub_ns/dlv}
 * the publishing thread's share of it, {@code jvm_ns/dlv} the tool's whole JVM (GC and JIT included, and the clients
 * unless they run in a child) and {@code cli_ns/dlv} the clients' (their threads, or the child's whole process).
 * {@code fleet=process} runs the clients in a child JVM ({@link RemoteFleet}) so they do not share the server's
 * process; {@code fleet=raw} runs them there as plain NIO clients ({@link RawFleet}: a hand-written WebSocket client
 * on one selector thread, several times cheaper per delivery than Netty's), so that at the highest rates the
 * client process does not starve the server of the box's cores. The latency is publish to receipt by the client, so it bounds the server's publish-to-written latency
 * from above. {@code full=false} skips the full-rate run (for fixed-rate CPU figures and syscall counts).
 * {@code flush=} sets the server's WebSocket flush interval (newer builds only; default: the server's).
 * {@code journal=<dir>} gives the server a SQLite file in {@code dir} (a fresh one per run, for its quota ledger and
 * its event journal, which then commits every event to disk before the fan-out); {@code journal=none} (the default)
 * gives it none, so the journal is the server's in-memory SQLite database (the server has no mode without a journal).
 * The two differ only by the journal's disk work, so the pair shows what the durable journal costs per delivery.
 *
 * <pre>
 * java -cp ... dev.callstack.bench.ws.WsLoadTool [clients=1,100,1000] [events=20000] [rates=1000,10000]
 *     [seconds=3] [idle=10000] [queue=256] [full=true] [transport=nio|epoll|auto] [fleet=local|process|raw]
 *     [flush=&lt;ms&gt;]
 *     [journal=&lt;dir&gt;|none]
 * </pre>
 */
public final class WsLoadTool {
    private static final String KEY = "bench-key-Lm48Qz7v";
    /** The hub's journal writer (one per server), which stores each batch and then fans it out. */
    private static final String JOURNAL_WRITER = "callstack-journal-writer";
    /** How often the tool looks at the clients' counters while waiting (a pipe round trip with a child fleet). */
    private static final int POLL_MILLIS = 5;

    private WsLoadTool() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        System.out.printf(Locale.ROOT, "# Callstack WebSocket load: %d cpus, max heap %d MiB, java %s, queue %d%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"), options.queue);
        try (FakeModem modem = new FakeModem();
             CallstackServer server = build(modem, options)) {
            int port = server.start();
            System.out.println("# server transport " + (options.transport == null ? "default (nio before it existed)"
                    : server.transport()));
            URI uri = URI.create("ws://127.0.0.1:" + port + "/ws?events=sms.received");
            System.out.println("# journal " + (options.journalDir == null ? "in memory (no database file)"
                    : "SQLite file in " + options.journalDir));
            System.out.println("# clients " + (options.clientProcess ? "in a child JVM" : "in this JVM")
                    + (options.raw ? " (plain NIO, one selector thread)" : "")
                    + (options.flushMillis >= 0 ? ", flush interval " + options.flushMillis + " ms" : ""));
            System.out.println("clients  mode        published  delivered  deliveries/s  p50_us  p99_us  max_us"
                    + "  dropped  seconds  srv_ns/dlv  pub_ns/dlv  jvm_ns/dlv  cli_ns/dlv");
            for (int clients : options.clients) {
                try (Fleet fleet = options.clientProcess ? new RemoteFleet(options.raw ? 1 : 2, options.raw)
                        : new ClientFleet(2)) {
                    fleet.connect(uri, KEY, clients, 200);
                    int events = Math.max(1000, options.events / Math.max(1, clients / 100));
                    if (options.full) {
                        run(modem, fleet, clients, "full", events, 0);
                    }
                    for (int rate : options.rates) {
                        run(modem, fleet, clients, rate + "/s", rate * options.seconds, rate);
                    }
                }
                awaitClients(server, 0);
            }
            if (options.idle > 0) {
                idleHeap(server, uri, options.idle);
            }
            if (options.clientProcess) {
                System.out.println("# client-process requests " + RemoteFleet.requests()
                        + " (two pipe write calls each, for syscall counts)");
            }
        }
    }

    private static void run(FakeModem modem, Fleet fleet, int clients, String mode, int events, int rate)
            throws InterruptedException {
        fleet.reset();
        long serverCpu = ServerCpu.serverNanos();
        long writerCpu = ServerCpu.threadNanos(JOURNAL_WRITER);
        long serverUser = ServerCpu.serverUserNanos();
        java.util.Map<Long, Long> threadsBefore = ServerCpu.byThread();
        long loopCpu = ServerCpu.threadNanos("callstack-io");
        long loopUser = ServerCpu.threadNanos("callstack-io", true);
        long processCpu = ServerCpu.processNanos();
        long clientCpu = fleet.stats().cpuNanos();
        long start = System.nanoTime();
        Publisher publisher = new Publisher(modem, events, rate, start);
        Thread publishing = new Thread(publisher, "bench-publisher");
        publishing.start();
        publishing.join();
        long expected = (long) events * clients;
        long elapsed = awaitQuiet(fleet, expected, start);
        Fleet.Stats stats = fleet.stats();
        serverCpu = ServerCpu.serverNanos() - serverCpu + publisher.cpuNanos;
        writerCpu = ServerCpu.threadNanos(JOURNAL_WRITER) - writerCpu;
        serverUser = ServerCpu.serverUserNanos() - serverUser + publisher.userNanos;
        loopCpu = ServerCpu.threadNanos("callstack-io") - loopCpu;
        loopUser = ServerCpu.threadNanos("callstack-io", true) - loopUser;
        processCpu = ServerCpu.processNanos() - processCpu;
        clientCpu = stats.cpuNanos() - clientCpu;
        long delivered = stats.events();
        long dropped = stats.dropped();
        // Drops are reported to a client right before its next event; the ones after its last event stay untold.
        long untold = expected - delivered - dropped;
        double perDelivery = Math.max(1, delivered);
        System.out.printf(Locale.ROOT, "%7d  %-10s %10d %10d %13.0f %7.0f %7.0f %7.0f %8d%s %8.2f %11.0f %11.0f %11.0f"
                        + " %11.0f%n",
                clients, mode, events, delivered, delivered / (elapsed / 1e9),
                stats.p50Nanos() / 1e3, stats.p99Nanos() / 1e3, stats.maxNanos() / 1e3,
                dropped, untold > 0 ? "+" + untold : "", elapsed / 1e9, serverCpu / perDelivery,
                publisher.cpuNanos / perDelivery, processCpu / perDelivery, clientCpu / perDelivery);
        System.out.printf(Locale.ROOT, "#   of srv_ns/dlv: journal writer thread %.0f ns/dlv (journal commits and the"
                + " hub's hand-over to the %d sinks)%n", writerCpu / perDelivery, clients);
        // Where the server's time went: user mode (Java) against kernel (syscalls; on loopback a write also runs
        // much of the receiver's TCP stack), for the event loops and the publisher (the hub's inline fan-out).
        System.out.printf(Locale.ROOT, "#   split ns/dlv: srv user %.0f sys %.0f | io loops user %.0f sys %.0f"
                        + " | publisher user %.0f sys %.0f%n",
                serverUser / perDelivery, (serverCpu - serverUser) / perDelivery, loopUser / perDelivery,
                (loopCpu - loopUser) / perDelivery, publisher.userNanos / perDelivery,
                (publisher.cpuNanos - publisher.userNanos) / perDelivery);
        System.out.println("#   threads >=5% of the process:" + ServerCpu.busiestSince(threadsBefore, processCpu, 0.05));
        // One more event makes every client report the drops it has not been told about yet.
        modem.events().publish(new SmsReceived(Instant.now(), "+15550100100", "0", null, 1, null));
        awaitQuiet(fleet, Long.MAX_VALUE, System.nanoTime());
    }

    /**
     * Publishes the run's events on its own thread, which runs the hub's fan-out inline, and counts its own CPU time
     * (the thread ends with the run, so the tool cannot sample it afterwards).
     */
    private static final class Publisher implements Runnable {
        private final FakeModem modem;
        private final int events;
        private final int rate;
        private final long start;
        volatile long cpuNanos;
        volatile long userNanos;

        Publisher(FakeModem modem, int events, int rate, long start) {
            this.modem = modem;
            this.events = events;
            this.rate = rate;
            this.start = start;
        }

        @Override
        public void run() {
            long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long user = ManagementFactory.getThreadMXBean().getCurrentThreadUserTime();
            Instant now = Instant.now();
            int published = 0;
            while (published < events) {
                // Fixed rates publish what is due in ticks of about a millisecond, so the publisher does not wake
                // (and spend CPU counted as the server's) once per event at high rates.
                int due = rate == 0 ? events
                        : (int) Math.min(events, (System.nanoTime() - start) * rate / TimeUnit.SECONDS.toNanos(1) + 1);
                for (; published < due; published++) {
                    modem.events().publish(new SmsReceived(now, "+15550100100", Long.toString(System.nanoTime()),
                            null, 1, null));
                }
                if (published < events) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
            }
            userNanos = ManagementFactory.getThreadMXBean().getCurrentThreadUserTime() - user;
            cpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu;
        }
    }

    /** Waits until {@code expected} messages are accounted for or nothing arrived for a second; the busy time. */
    private static long awaitQuiet(Fleet fleet, long expected, long start) throws InterruptedException {
        long last = -1;
        long lastChange = System.nanoTime();
        long deadline = lastChange + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Fleet.Stats counts = fleet.counts();
            long seen = counts.events() + counts.dropped();
            if (seen >= expected) {
                return System.nanoTime() - start;
            }
            if (seen != last) {
                last = seen;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > TimeUnit.SECONDS.toNanos(1)) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        }
        return lastChange - start;
    }

    private static void idleHeap(CallstackServer server, URI uri, int idle) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), IdleClients.class.getName(),
                uri.toString(), Integer.toString(idle), KEY)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        OutputStream stdin = child.getOutputStream(); // closing it tells the child to disconnect and exit
        try (stdin;
             BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                     StandardCharsets.UTF_8))) {
            String line = out.readLine();
            if (line == null || !line.startsWith("connected")) {
                System.out.println("idle clients did not connect: " + line);
                return;
            }
            awaitClients(server, idle);
            long after = usedAfterGc(memory);
            System.out.printf(Locale.ROOT,
                    "idle: %d WebSocket clients (client side in a child JVM): server heap %d MiB -> %d MiB, "
                            + "%.1f KiB per idle connection%n",
                    server.realtimeClients(), before >> 20, after >> 20, (after - before) / 1024.0 / idle);
        } finally {
            child.waitFor(60, TimeUnit.SECONDS);
            child.destroy();
        }
        awaitClients(server, 0);
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            TimeUnit.MILLISECONDS.sleep(200);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /**
     * Without {@code transport=} or {@code flush=} those builder methods are never called, so the tool also runs
     * against older builds.
     */
    private static CallstackServer build(FakeModem modem, Options options) {
        CallstackServerBuilder builder = CallstackServer.builder(modem).port(0).apiKey(KEY, Privilege.CONTENT)
                .rateLimit(0, Duration.ofMinutes(1)).wsQueueCapacity(options.queue).ioThreads(2);
        if (options.transport != null) {
            builder.transport(ServerTransport.valueOf(options.transport));
        }
        if (options.flushMillis >= 0) {
            builder.wsFlushInterval(Duration.ofMillis(options.flushMillis));
        }
        if (options.journalDir != null) {
            try {
                builder.quotaDatabase(Files.createTempFile(options.journalDir, "wsload-", ".db"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return builder.build();
    }

    private static void awaitClients(CallstackServer server, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (server.realtimeClients() != count && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    private record Options(List<Integer> clients, int events, List<Integer> rates, int seconds, int idle, int queue,
                           boolean full, String transport, boolean clientProcess, boolean raw, int flushMillis,
                           Path journalDir) {
        static Options parse(String[] args) {
            List<Integer> clients = List.of(1, 100, 1000);
            List<Integer> rates = List.of(1000, 10000);
            int events = 20000;
            int seconds = 3;
            int idle = 10000;
            int queue = 256;
            boolean full = true;
            String transport = null;
            boolean clientProcess = false;
            boolean raw = false;
            int flushMillis = -1;
            Path journalDir = null;
            for (String arg : args) {
                String[] kv = arg.split("=", 2);
                switch (kv[0]) {
                    case "clients" -> clients = ints(kv[1]);
                    case "events" -> events = Integer.parseInt(kv[1]);
                    case "rates" -> rates = ints(kv[1]);
                    case "seconds" -> seconds = Integer.parseInt(kv[1]);
                    case "idle" -> idle = Integer.parseInt(kv[1]);
                    case "queue" -> queue = Integer.parseInt(kv[1]);
                    case "full" -> full = Boolean.parseBoolean(kv[1]);
                    case "transport" -> transport = kv[1].toUpperCase(Locale.ROOT);
                    case "flush" -> flushMillis = Integer.parseInt(kv[1]);
                    case "journal" -> journalDir = "none".equals(kv[1]) ? null : Path.of(kv[1]);
                    case "fleet" -> {
                        clientProcess = switch (kv[1]) {
                            case "process", "raw" -> true;
                            case "local" -> false;
                            default -> throw new IllegalArgumentException("fleet=local|process|raw");
                        };
                        raw = "raw".equals(kv[1]);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (clients.stream().anyMatch(c -> c < 1 || c > 5000) || idle < 0 || idle > 15000 || events < 1
                    || events > 1_000_000 || seconds < 1 || seconds > 30) {
                throw new IllegalArgumentException("out of bounds: clients 1-5000, idle 0-15000, events 1-1e6, "
                        + "seconds 1-30");
            }
            return new Options(clients, events, rates, seconds, idle, queue, full, transport, clientProcess, raw,
                    flushMillis, journalDir);
        }

        private static List<Integer> ints(String csv) {
            List<Integer> values = new ArrayList<>();
            for (String part : csv.split(",", -1)) {
                if (!part.isBlank()) {
                    values.add(Integer.parseInt(part.strip()));
                }
            }
            return values;
        }
    }
}
