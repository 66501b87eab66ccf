package dev.callstack.modem.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.core.IdempotencyConflictException;
import dev.callstack.core.OutboxPriority;
import dev.callstack.core.OutboxReceipt;
import dev.callstack.core.OutboxStatus;
import dev.callstack.core.OutgoingSms;
import dev.callstack.core.PhoneNumber;
import dev.callstack.core.store.MessageStoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit of {@link OutboxStore#enqueue} on a real SQLite file with real threads: many concurrent enqueues share
 * transactions, yet each lands exactly once, repeated idempotency keys resolve to one message, a key reused for
 * another request fails alone, and what was acknowledged is in the file after a reopen.
 */
class OutboxGroupCommitTest {
    private static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(1);
    private static final int THREADS = 16;

    @TempDir
    Path dir;
    private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stop() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    private static NewOutboxMessage message(String body) {
        return new NewOutboxMessage(OutgoingSms.of(PhoneNumber.of("+4917212345678"), body), 1, 0,
                OutboxPriority.NORMAL, NOW, NOW.plus(WINDOW), false, false, NOW);
    }

    /** One enqueue: plain, or with a key whose fingerprint stands for the request body. */
    private record Call(String body, String key) {
        OutboxReceipt run(OutboxStore store) {
            return store.enqueue(message(body), key, key == null ? null : "fp:" + body, WINDOW);
        }
    }

    @Test
    void concurrentEnqueuesLandExactlyOnceEachAndAConflictingKeyFailsAlone() throws Exception {
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            calls.add(new Call("plain " + i, null));
        }
        for (int k = 0; k < 50; k++) {
            for (int repeat = 0; repeat < 4; repeat++) {
                calls.add(new Call("keyed " + k, "key-" + k)); // four retries of the same request
            }
        }
        calls.add(new Call("another body", "key-7")); // key-7 reused for a different request: a conflict
        java.util.Collections.shuffle(calls, new java.util.Random(13));

        Map<Call, List<Future<OutboxReceipt>>> results = new HashMap<>();
        try (SqliteMessageStore store = SqliteMessageStore.open(dir.resolve("store.db"))) {
            OutboxStore outbox = store.outbox();
            CountDownLatch go = new CountDownLatch(1);
            for (Call call : calls) {
                Callable<OutboxReceipt> task = () -> {
                    go.await();
                    return call.run(outbox);
                };
                results.computeIfAbsent(call, c -> new ArrayList<>()).add(threads.submit(task));
            }
            go.countDown();

            Set<Long> plainIds = new HashSet<>();
            for (int i = 0; i < 400; i++) {
                plainIds.add(results.get(new Call("plain " + i, null)).get(0).get(60, TimeUnit.SECONDS)
                        .entry().messageId());
            }
            assertThat(plainIds).hasSize(400);
            Set<Long> keyedIds = new HashSet<>();
            for (int k = 0; k < 50; k++) {
                Set<Long> idsForKey = new HashSet<>();
                int fresh = 0;
                for (Future<OutboxReceipt> retry : results.get(new Call("keyed " + k, "key-" + k))) {
                    OutboxReceipt receipt = retry.get(60, TimeUnit.SECONDS);
                    idsForKey.add(receipt.entry().messageId());
                    fresh += receipt.replayed() ? 0 : 1;
                }
                assertThat(idsForKey).as("key-%d", k).hasSize(1);
                assertThat(fresh).as("key-%d committed once", k).isEqualTo(1);
                keyedIds.addAll(idsForKey);
            }
            Future<OutboxReceipt> conflict = results.get(new Call("another body", "key-7")).get(0);
            assertThat(conflict).failsWithin(Duration.ofSeconds(60)).withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOf(IdempotencyConflictException.class);

            assertThat(store.outbox().count(OutboxStatus.QUEUED)).isEqualTo(450);
            assertThat(store.outbox().list(OutboxStatus.QUEUED, 500, OptionalLong.empty()))
                    .extracting(row -> row.messageId()).containsExactlyInAnyOrderElementsOf(union(plainIds, keyedIds));
        }
        try (SqliteMessageStore reopened = SqliteMessageStore.open(dir.resolve("store.db"))) {
            assertThat(reopened.outbox().count(OutboxStatus.QUEUED)).isEqualTo(450);
        }
    }

    @Test
    void aClosedStoreFailsEveryWaitingEnqueueInsteadOfAcknowledgingIt() {
        SqliteMessageStore store = SqliteMessageStore.open(dir.resolve("closed.db"));
        OutboxStore outbox = store.outbox();
        store.close();
        Future<OutboxReceipt> late = threads.submit(() -> new Call("late", null).run(outbox));
        assertThat(late).failsWithin(Duration.ofSeconds(60)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(MessageStoreException.class);
    }

    @Test
    void requestsQueuedBehindATransactionShareTheNextCommitAndAFailingOneRollsBackAlone() throws Exception {
        try (StoreConnection db = StoreConnection.connect("jdbc:sqlite:" + dir.resolve("shared.db"), true)) {
            createTable(db);
            sharedBatchWithAFailureInTheMiddle(db, 1);
            assertThat(stored(db)).containsExactly(1, 3);
        }
    }

    @Test
    void theSavepointStatementsArePreparedOnceAndReusedByLaterBatches() throws Exception {
        try (StoreConnection db = StoreConnection.connect("jdbc:sqlite:" + dir.resolve("reuse.db"), true)) {
            createTable(db);
            sharedBatchWithAFailureInTheMiddle(db, 1); // SAVEPOINT, RELEASE and ROLLBACK TO all used once
            int afterFirst = db.read("count prepared statements", c -> db.statements().prepared());
            assertThat(afterFirst).isEqualTo(3);

            sharedBatchWithAFailureInTheMiddle(db, 4);
            sharedBatchWithAFailureInTheMiddle(db, 7);

            assertThat(db.<Integer>read("count prepared statements", c -> db.statements().prepared())).isEqualTo(afterFirst);
            assertThat(stored(db)).containsExactly(1, 3, 4, 6, 7, 9);
        }
    }

    /**
     * Three shared writes queued behind a held lock, so they run in one transaction: x, x+1 (which throws after its
     * insert) and x+2. The first and third are committed, the second fails alone.
     */
    private void sharedBatchWithAFailureInTheMiddle(StoreConnection db, int x) throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> blocker = threads.submit(() -> db.write("hold the lock", c -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertThat(holding.await(60, TimeUnit.SECONDS)).isTrue();
        Future<Integer> first = threads.submit(() -> db.writeShared("insert first", c -> insert(c, x)));
        Future<Integer> failing = threads.submit(() -> db.<Integer>writeShared("insert second", c -> {
            insert(c, x + 1);
            throw new IllegalArgumentException("bad request");
        }));
        Future<Integer> third = threads.submit(() -> db.writeShared("insert third", c -> insert(c, x + 2)));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> db.waitingForCommit() == 3);
        release.countDown();
        blocker.get(60, TimeUnit.SECONDS);

        assertThat(first.get(60, TimeUnit.SECONDS)).isEqualTo(x);
        assertThat(third.get(60, TimeUnit.SECONDS)).isEqualTo(x + 2);
        assertThat(failing).failsWithin(Duration.ofSeconds(60)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(IllegalArgumentException.class).withMessage("bad request");
    }

    private static void createTable(StoreConnection db) {
        db.write("create a table", c -> {
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (x INTEGER NOT NULL)");
            }
            return null;
        });
    }

    private static List<Integer> stored(StoreConnection db) {
        return db.read("read back", c -> {
            List<Integer> xs = new ArrayList<>();
            try (java.sql.Statement s = c.createStatement();
                 java.sql.ResultSet rs = s.executeQuery("SELECT x FROM t ORDER BY x")) {
                while (rs.next()) {
                    xs.add(rs.getInt(1));
                }
            }
            return xs;
        });
    }

    private static int insert(java.sql.Connection c, int x) throws java.sql.SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO t (x) VALUES (?)")) {
            ps.setInt(1, x);
            ps.executeUpdate();
        }
        return x;
    }

    private static Set<Long> union(Set<Long> a, Set<Long> b) {
        Set<Long> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
