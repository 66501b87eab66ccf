package dev.callstack.bench.http;

import dev.callstack.modem.SerialModem;
import dev.callstack.modem.SerialModemConfig;
import dev.callstack.modem.store.SqliteMessageStore;
import dev.callstack.server.CallstackServer;
import dev.callstack.server.Privilege;
import dev.callstack.testkit.sim.AtModemSimulator;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Load on {@code POST /sms/send} over HTTP: {@code concurrency} threads, each sending one request after the other on
 * a kept-alive HTTP/1.1 connection, for a warm-up and then {@code seconds} measured; prints requests/s (202 answers),
 * p50/p99/max latency, any other statuses, and the CPU time per request of the server's threads, of the load threads
 * and of the whole JVM (GC and JIT included) over the measured seconds. The client is one shared JDK
 * {@link HttpClient}, or with {@code raw} a {@link RawHttpConnection} per thread, which costs far less CPU per request
 * (the JDK client alone capped the rate on a 2-core machine). The server is the real one, started in this JVM over the
 * AT simulator (a {@link SerialModem} on {@code tcp://}, its message store and the server's database on one real
 * SQLite file, WAL and {@code synchronous=FULL}, as {@code callstack serve --modem simulator} has them), or an
 * external server given by URL and key (then the "server" CPU column is only this JVM's other threads).
 *
 * <p>Run: {@code java -cp <callstack-bench classpath> dev.callstack.bench.http.SmsSendLoad [concurrency] [seconds]
 * [url key] [raw] [keyed]}, defaults 16 and 10. With {@code keyed} every request carries a fresh
 * {@code Idempotency-Key}. Not thread-safe; a command-line tool.
 */
public final class SmsSendLoad {
    private static final String KEY = "bench-key-sms-send-0001";
    private static final String BODY = "{\"to\":\"+15550100100\",\"body\":\"Your code is 123456. It expires in 10 "
            + "minutes.\"}";
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final String LOAD_THREAD = "sms-load-";

    private SmsSendLoad() {
    }

    /** What to run: the positional arguments and the flags. */
    private record Options(int concurrency, int seconds, boolean raw, boolean keyed) {
    }

    /**
     * Runs the load and prints the figures.
     *
     * @param args concurrency, seconds, and optionally the URL and key of a running server, "raw" and "keyed"
     * @throws Exception when the server cannot start or a thread is interrupted
     */
    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>(Arrays.asList(args));
        boolean raw = positional.remove("raw");
        boolean keyed = positional.remove("keyed");
        Options options = new Options(positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 16,
                positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 10, raw, keyed);
        PrintStream out = System.out;
        if (positional.size() > 3) {
            run(URI.create(positional.get(2)), positional.get(3), options, out);
            return;
        }
        Path dir = Files.createTempDirectory("callstack-sms-load");
        try {
            runOwnServer(dir.resolve("callstack.db"), options, out);
        } finally {
            // Each run leaves a SQLite file with its WAL of some MB otherwise.
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void runOwnServer(Path db, Options options, PrintStream out) throws Exception {
        try (AtModemSimulator sim = new AtModemSimulator()) {
            InetSocketAddress at = sim.listenTcp();
            try (SqliteMessageStore store = SqliteMessageStore.open(db)) {
                SerialModem modem = SerialModem.builder(SerialModemConfig.builder("tcp://127.0.0.1:" + at.getPort())
                        .build()).messageStore(store).build();
                modem.start();
                try (CallstackServer server = CallstackServer.builder(modem).host("127.0.0.1").port(0)
                        .apiKey(KEY, Privilege.SEND).quotaDatabase(db).rateLimit(0, Duration.ofMinutes(1))
                        .simulated(true).closeModemOnClose(true).build()) {
                    int port = server.start();
                    run(URI.create("http://127.0.0.1:" + port), KEY, options, out);
                }
            }
        }
    }

    /** One request after the other on one thread's connection; returns the status, -1 for an I/O failure. */
    @FunctionalInterface
    private interface Sender {
        int send(String idempotencyKey) throws InterruptedException;
    }

    private static Sender jdkSender(HttpClient client, URI send, String key) {
        return idempotencyKey -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(send)
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(BODY));
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            try {
                return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (java.io.IOException failed) {
                return -1;
            }
        };
    }

    private static Sender rawSender(RawHttpConnection connection, URI send, String key) {
        String host = send.getHost() + ":" + send.getPort();
        String[] auth = {"Authorization: Bearer " + key};
        byte[] plain = RawHttpConnection.post(host, send.getRawPath(), auth, BODY);
        return idempotencyKey -> {
            byte[] request = idempotencyKey == null ? plain : RawHttpConnection.post(host, send.getRawPath(),
                    new String[] {auth[0], "Idempotency-Key: " + idempotencyKey}, BODY);
            try {
                return connection.exchange(request);
            } catch (java.io.IOException failed) {
                return -1;
            }
        };
    }

    private static void run(URI base, String key, Options options, PrintStream out) throws InterruptedException {
        int concurrency = options.concurrency();
        HttpClient client = options.raw() ? null
                : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI send = base.resolve("/sms/send");
        InetSocketAddress server = new InetSocketAddress(send.getHost(), send.getPort());
        AtomicLong keys = new AtomicLong();
        long warmUpEnd = System.nanoTime() + WARM_UP.toNanos();
        long end = warmUpEnd + Duration.ofSeconds(options.seconds()).toNanos();
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        List<long[]> latencies = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(concurrency);
        // Load threads stay alive until the CPU times at the end are read, so their CPU is counted.
        CountDownLatch measured = new CountDownLatch(1);
        for (int t = 0; t < concurrency; t++) {
            Thread thread = new Thread(() -> {
                long[] own = new long[1024];
                int n = 0;
                RawHttpConnection connection = options.raw() ? new RawHttpConnection(server) : null;
                Sender sender = connection != null ? rawSender(connection, send, key) : jdkSender(client, send, key);
                try {
                    while (true) {
                        long start = System.nanoTime();
                        if (start >= end) {
                            break;
                        }
                        int status = sender.send(options.keyed() ? "load-" + keys.incrementAndGet() : null);
                        long stop = System.nanoTime();
                        if (start < warmUpEnd || stop > end) {
                            continue;
                        }
                        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                        if (status == 202) {
                            if (n == own.length) {
                                own = Arrays.copyOf(own, n * 2);
                            }
                            own[n++] = stop - start;
                        }
                    }
                    synchronized (latencies) {
                        latencies.add(Arrays.copyOf(own, n));
                    }
                    done.countDown();
                    measured.await();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                } finally {
                    if (connection != null) {
                        connection.close();
                    }
                }
            }, LOAD_THREAD + t);
            thread.setDaemon(true);
            thread.start();
        }
        sleepUntil(warmUpEnd);
        CpuSnapshot before = CpuSnapshot.take();
        sleepUntil(end);
        CpuSnapshot after = CpuSnapshot.take();
        done.await();
        measured.countDown();
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Map<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((status, count) -> byStatus.put(status, count.get()));
        if (all.length == 0) {
            out.printf("no request answered 202; statuses %s%n", byStatus);
            return;
        }
        long answered = byStatus.values().stream().mapToLong(Long::longValue).sum();
        out.printf("POST /sms/send, %d concurrent, %d s, %s client%s (nproc %d, load average %.2f): %.0f requests/s, "
                        + "p50 %.2f ms, p99 %.2f ms, max %.2f ms; statuses %s; CPU per request: server threads "
                        + "%.0f us, load threads %.0f us, whole JVM %.0f us%n",
                concurrency, options.seconds(), options.raw() ? "raw" : "JDK",
                options.keyed() ? ", Idempotency-Key on each" : "",
                Runtime.getRuntime().availableProcessors(), load, all.length / (double) options.seconds(),
                all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6, all[all.length - 1] / 1e6,
                byStatus, after.serverNanos(before) / 1e3 / answered, after.loadNanos(before) / 1e3 / answered,
                (after.process() - before.process()) / 1e3 / answered);
        StringBuilder threads = new StringBuilder("  server threads, us per request:");
        after.serverByName(before).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(e -> e.getValue() / 1e3 / answered >= 1)
                .forEach(e -> threads.append(String.format(" %s %.0f;", e.getKey(), e.getValue() / 1e3 / answered)));
        out.println(threads);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    /**
     * CPU time at one moment: per live thread (load threads by name, the JDK client's own threads with them), and
     * the process's. A thread that ends between two snapshots loses its CPU time; the server's threads are pooled.
     */
    private record CpuSnapshot(Map<Long, Long> load, Map<Long, Long> server, Map<Long, String> names, long process) {
        static CpuSnapshot take() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Map<Long, Long> load = new HashMap<>();
            Map<Long, Long> server = new HashMap<>();
            Map<Long, String> names = new HashMap<>();
            long self = Thread.currentThread().getId();
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info == null || info.getThreadId() == self) {
                    continue;
                }
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu < 0) {
                    continue;
                }
                String name = info.getThreadName();
                names.put(info.getThreadId(), name.replaceAll("[0-9]+", "N"));
                (name.startsWith(LOAD_THREAD) || name.startsWith("HttpClient") ? load : server)
                        .put(info.getThreadId(), cpu);
            }
            long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            return new CpuSnapshot(load, server, names, process);
        }

        long loadNanos(CpuSnapshot earlier) {
            return delta(load, earlier.load);
        }

        long serverNanos(CpuSnapshot earlier) {
            return delta(server, earlier.server);
        }

        /** The server threads' CPU by thread name (numbers folded), largest first. */
        Map<String, Long> serverByName(CpuSnapshot earlier) {
            Map<String, Long> byName = new HashMap<>();
            server.forEach((id, cpu) -> byName.merge(names.get(id), cpu - earlier.server.getOrDefault(id, 0L),
                    Long::sum));
            return byName;
        }

        private static long delta(Map<Long, Long> now, Map<Long, Long> then) {
            long sum = 0;
            for (Map.Entry<Long, Long> e : now.entrySet()) {
                sum += e.getValue() - then.getOrDefault(e.getKey(), 0L);
            }
            return sum;
        }
    }
}
