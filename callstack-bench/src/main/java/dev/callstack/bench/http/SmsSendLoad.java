package dev.callstack.bench.http;

import dev.callstack.modem.SerialModem;
import dev.callstack.modem.SerialModemConfig;
import dev.callstack.modem.store.SqliteMessageStore;
import dev.callstack.server.CallstackServer;
import dev.callstack.server.Privilege;
import dev.callstack.testkit.sim.AtModemSimulator;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load on {@code POST /sms/send} over HTTP: {@code concurrency} threads, each sending one request after the other
 * through one shared JDK {@link HttpClient} (HTTP/1.1, kept-alive connections), for a warm-up and then {@code seconds}
 * measured; prints requests/s (202 answers), p50/p99/max latency and any other statuses. The server is the real one,
 * started in this JVM over the AT simulator (a {@link SerialModem} on {@code tcp://}, its message store and the
 * server's database on one real SQLite file, WAL and {@code synchronous=FULL}, as {@code callstack serve --modem
 * simulator} has them), or an external server given by URL and key.
 *
 * <p>Run: {@code java -cp <callstack-bench classpath> dev.callstack.bench.http.SmsSendLoad [concurrency] [seconds]
 * [url key]}, defaults 16 and 10. With {@code keyed} as fifth argument every request carries a fresh
 * {@code Idempotency-Key}. Not thread-safe; a command-line tool.
 */
public final class SmsSendLoad {
    private static final String KEY = "bench-key-sms-send-0001";
    private static final String BODY = "{\"to\":\"+15550100100\",\"body\":\"Your code is 123456. It expires in 10 "
            + "minutes.\"}";
    private static final Duration WARM_UP = Duration.ofSeconds(3);

    private SmsSendLoad() {
    }

    /**
     * Runs the load and prints the figures.
     *
     * @param args concurrency, seconds, and optionally the URL and key of a running server, and "keyed"
     * @throws Exception when the server cannot start or a thread is interrupted
     */
    public static void main(String[] args) throws Exception {
        int concurrency = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        boolean keyed = args.length > 4 && "keyed".equals(args[4]);
        PrintStream out = System.out;
        if (args.length > 3) {
            run(URI.create(args[2]), args[3], concurrency, seconds, keyed, out);
            return;
        }
        Path dir = Files.createTempDirectory("callstack-sms-load");
        Path db = dir.resolve("callstack.db");
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
                    run(URI.create("http://127.0.0.1:" + port), KEY, concurrency, seconds, keyed, out);
                }
            }
        }
    }

    private static void run(URI base, String key, int concurrency, int seconds, boolean keyed, PrintStream out)
            throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI send = base.resolve("/sms/send");
        AtomicLong keys = new AtomicLong();
        long warmUpEnd = System.nanoTime() + WARM_UP.toNanos();
        long end = warmUpEnd + Duration.ofSeconds(seconds).toNanos();
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        List<long[]> latencies = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int t = 0; t < concurrency; t++) {
            Thread thread = new Thread(() -> {
                long[] own = new long[1024];
                int n = 0;
                try {
                    while (true) {
                        long start = System.nanoTime();
                        if (start >= end) {
                            break;
                        }
                        HttpRequest.Builder request = HttpRequest.newBuilder(send)
                                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(BODY));
                        if (keyed) {
                            request.header("Idempotency-Key", "load-" + keys.incrementAndGet());
                        }
                        int status;
                        try {
                            status = client.send(request.build(), HttpResponse.BodyHandlers.discarding())
                                    .statusCode();
                        } catch (java.io.IOException failed) {
                            status = -1;
                        }
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
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                } finally {
                    synchronized (latencies) {
                        latencies.add(Arrays.copyOf(own, n));
                    }
                    done.countDown();
                }
            }, "sms-load-" + t);
            thread.start();
        }
        done.await();
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Map<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((status, count) -> byStatus.put(status, count.get()));
        if (all.length == 0) {
            out.printf("no request answered 202; statuses %s%n", byStatus);
            return;
        }
        out.printf("POST /sms/send, %d concurrent, %d s%s (nproc %d, load average %.2f): %.0f requests/s, "
                        + "p50 %.2f ms, p99 %.2f ms, max %.2f ms; statuses %s%n",
                concurrency, seconds, keyed ? ", Idempotency-Key on each" : "",
                Runtime.getRuntime().availableProcessors(), load, all.length / (double) seconds,
                all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6, all[all.length - 1] / 1e6,
                byStatus);
    }
}
