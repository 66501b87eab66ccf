package dev.callstack.bench.outbox;

import dev.callstack.core.Outbox;
import dev.callstack.core.OutboxPriority;
import dev.callstack.core.OutboxReceipt;
import dev.callstack.core.OutboxRequest;
import dev.callstack.core.OutgoingSms;
import dev.callstack.core.PhoneNumber;
import dev.callstack.modem.SerialModem;
import dev.callstack.modem.SerialModemConfig;
import dev.callstack.modem.store.SqliteMessageStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code Outbox.enqueue} of {@code SerialModem.outbox()} on a SQLite file (WAL, {@code synchronous=FULL}: an enqueue
 * returns only after the fsynced commit that holds it), the modem not connected so nothing is sent: what
 * {@code POST /sms/send} costs before its 202. With and without an idempotency key (the key check and record join
 * the same savepoint), from one thread and from 16 (concurrent enqueues share a commit: group commit, so one fsync
 * serves many). Issue 13's target: at least 2 000 enqueues/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class OutboxEnqueueBenchmark {
    private static final OutgoingSms SMS = OutgoingSms.of(PhoneNumber.of("+4917212345678"),
            "Your one-time code is 123456. It expires in 10 minutes.");

    private final AtomicLong keys = new AtomicLong();
    private Path dir;
    private SqliteMessageStore store;
    private SerialModem modem;
    private Outbox outbox;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("outbox-bench");
        store = SqliteMessageStore.open(dir.resolve("store.db"));
        // Never started: the dispatcher stays idle, so the figure is the enqueue alone.
        modem = SerialModem.builder(SerialModemConfig.builder("tcp://127.0.0.1:9").build())
                .messageStore(store).build();
        outbox = modem.outbox();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        modem.close();
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Benchmark
    public OutboxReceipt enqueue() {
        return outbox.enqueue(OutboxRequest.of(SMS));
    }

    @Benchmark
    public OutboxReceipt enqueueWithIdempotencyKey() {
        return outbox.enqueue(new OutboxRequest(SMS, null, Duration.ofDays(1), OutboxPriority.NORMAL, false,
                "bench:" + keys.incrementAndGet()));
    }

    @Benchmark
    @Threads(16)
    public OutboxReceipt enqueue16Threads() {
        return enqueue();
    }

    @Benchmark
    @Threads(16)
    public OutboxReceipt enqueueWithIdempotencyKey16Threads() {
        return enqueueWithIdempotencyKey();
    }
}
