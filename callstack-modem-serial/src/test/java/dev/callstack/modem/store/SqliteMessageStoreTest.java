package dev.callstack.modem.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.callstack.core.StoredDeliveryReport;
import dev.callstack.core.StoredSms;
import dev.callstack.core.event.DeliveryStatus;
import dev.callstack.core.store.DeliveryReportRecord;
import dev.callstack.core.store.InboundMessage;
import dev.callstack.core.store.MessageFingerprint;
import dev.callstack.core.store.MessageStoreException;
import dev.callstack.core.store.OutboundMessage;
import dev.callstack.core.store.PartGroupKey;
import dev.callstack.core.store.PendingGroup;
import dev.callstack.core.store.PendingPart;
import dev.callstack.core.store.SentMessage;
import dev.callstack.core.store.SentPart;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteMessageStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final PartGroupKey GROUP = new PartGroupKey("+16175046925", 76, 3, false);

    @TempDir
    Path dir;

    private static InboundMessage message(String body, Instant at) {
        return new InboundMessage("+16175046925", body, at, at.minusSeconds(3), 1, false);
    }

    private static PendingPart part(int seq, String text, Instant at) {
        return new PendingPart(GROUP, seq, text, at.minusSeconds(1), at);
    }

    @Test
    void opensFileInWalModeAndMigrationsAreIdempotentOnReopen() throws Exception {
        Path file = dir.resolve("sub/store.db");
        SqliteMessageStore.open(file).close();
        SqliteMessageStore.open(file).close();
        try (SqliteMessageStore store = SqliteMessageStore.open(file)) {
            assertThat(store.received(10, OptionalLong.empty())).isEmpty();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(version) FROM schema_version")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(SchemaMigrations.STEPS.size());
                assertThat(rs.getInt(2)).isEqualTo(SchemaMigrations.latestVersion(SchemaMigrations.STEPS));
            }
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
            }
        }
    }

    @Test
    void laterStepsRunOnceOnTopOfAnOlderSchema() throws Exception {
        Migration first = new Migration(1, "one", List.of("CREATE TABLE a (x INTEGER)"));
        Migration second = new Migration(2, "two", List.of("CREATE TABLE b (y INTEGER)"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            SchemaMigrations.migrate(c, List.of(first));
            SchemaMigrations.migrate(c, List.of(first, second));
            SchemaMigrations.migrate(c, List.of(first, second));
            assertThat(SchemaMigrations.currentVersion(c)).isEqualTo(2);
        }
    }

    @Test
    void failedStepLeavesTheOldVersionAndNoPartialChange() throws Exception {
        Migration first = new Migration(1, "one", List.of("CREATE TABLE a (x INTEGER)"));
        Migration broken = new Migration(2, "broken", List.of("CREATE TABLE b (y INTEGER)", "NOT SQL"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            SchemaMigrations.migrate(c, List.of(first));
            assertThatThrownBy(() -> SchemaMigrations.migrate(c, List.of(first, broken)))
                    .isInstanceOf(java.sql.SQLException.class);
            assertThat(SchemaMigrations.currentVersion(c)).isEqualTo(1);
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE name = 'b'")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @Test
    void databaseFromANewerVersionIsRefused() throws Exception {
        Path file = dir.resolve("newer.db");
        SqliteMessageStore.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO schema_version(version, description, applied_at) VALUES (99, 'future', 0)");
        }
        assertThatThrownBy(() -> SqliteMessageStore.open(file))
                .isInstanceOf(MessageStoreException.class)
                .hasMessageContaining("newer");
    }

    @Test
    void messagesStoredBeforeCloseAreListedAfterReopen() {
        Path file = dir.resolve("store.db");
        try (SqliteMessageStore store = SqliteMessageStore.open(file)) {
            store.storeReceived("fp-1", message("first", T0));
            store.storeReceived("fp-2", message("second", T0.plusSeconds(1)));
        }
        try (SqliteMessageStore store = SqliteMessageStore.open(file)) {
            List<StoredSms> listed = store.received(10, OptionalLong.empty());
            assertThat(listed).extracting(StoredSms::body).containsExactly("second", "first");
            assertThat(listed.get(1).receivedAt()).isEqualTo(T0);
            assertThat(listed.get(1).smscTimestamp()).isEqualTo(T0.minusSeconds(3));
            assertThat(store.seen("fp-1")).isTrue();
        }
    }

    @Test
    void receivedPagesNewestFirstById() {
        try (SqliteMessageStore store = SqliteMessageStore.inMemory()) {
            for (int i = 0; i < 7; i++) {
                store.storeReceived("fp-" + i, message("m" + i, T0.plusSeconds(i)));
            }
            List<StoredSms> page1 = store.received(3, OptionalLong.empty());
            assertThat(page1).extracting(StoredSms::body).containsExactly("m6", "m5", "m4");
            List<StoredSms> page2 = store.received(3, OptionalLong.of(page1.get(2).id()));
            assertThat(page2).extracting(StoredSms::body).containsExactly("m3", "m2", "m1");
            assertThat(store.received(3, OptionalLong.of(page2.get(2).id()))).extracting(StoredSms::body)
                    .containsExactly("m0");
            assertThatThrownBy(() -> store.received(0, OptionalLong.empty()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.received(501, OptionalLong.empty()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void sameFingerprintIsStoredOnlyOnce() {
        String fingerprint = MessageFingerprint.of("SM", 3, "07912160130320F5040B9161");
        try (SqliteMessageStore store = SqliteMessageStore.inMemory()) {
            OptionalLong first = store.storeReceived(fingerprint, message("hello", T0));
            assertThat(first).isPresent();
            assertThat(store.storeReceived(MessageFingerprint.of("sm", 3, " 07912160130320f5040b9161\r\n"),
                    message("hello", T0))).isEmpty();
            assertThat(store.received(10, OptionalLong.empty())).hasSize(1);
            assertThat(store.seen(fingerprint)).isTrue();
            assertThat(store.markSeen(fingerprint, T0)).isFalse();
            assertThat(store.markSeen("other", T0)).isTrue();
            assertThat(store.pruneFingerprints(T0.plusSeconds(1))).isEqualTo(2);
            assertThat(store.seen(fingerprint)).isFalse();
        }
    }

    @Test
    void partsAssembleOutOfOrderIgnoringDuplicates() {
        try (SqliteMessageStore store = SqliteMessageStore.inMemory()) {
            assertThat(store.addPart("p3", part(3, "C", T0)).orElseThrow()).hasSize(1);
            assertThat(store.addPart("p3", part(3, "C", T0))).isEmpty();
            Optional<List<PendingPart>> afterDup = store.addPart("p3-again-in-another-slot", part(3, "X", T0));
            assertThat(afterDup.orElseThrow()).hasSize(1);
            store.addPart("p1", part(1, "A", T0.plusSeconds(5)));
            List<PendingPart> parts = store.addPart("p2", part(2, "B", T0.plusSeconds(9))).orElseThrow();
            assertThat(parts).extracting(PendingPart::sequence).containsExactly(1, 2, 3);
            assertThat(parts).extracting(PendingPart::text).containsExactly("A", "B", "C");
            assertThat(store.openGroupCount()).isEqualTo(1);

            InboundMessage whole = new InboundMessage(GROUP.sender(), "ABC", T0.plusSeconds(9), null, 3, false);
            OptionalLong id = store.completeGroup(GROUP, whole);
            assertThat(id).isPresent();
            assertThat(store.completeGroup(GROUP, whole)).isEmpty();
            assertThat(store.parts(GROUP)).isEmpty();
            assertThat(store.openGroupCount()).isZero();
            assertThat(store.received(5, OptionalLong.empty())).singleElement()
                    .satisfies(m -> {
                        assertThat(m.body()).isEqualTo("ABC");
                        assertThat(m.parts()).isEqualTo(3);
                        assertThat(m.smscTimestamp()).isNull();
                    });
        }
    }

    @Test
    void pendingGroupsSurviveRestartAndAreListedOldestFirstByCutoff() {
        Path file = dir.resolve("groups.db");
        PartGroupKey other = new PartGroupKey("SHOP", 0x1234, 2, true);
        try (SqliteMessageStore store = SqliteMessageStore.open(file)) {
            store.addPart("a", part(2, "two", T0.plusSeconds(60)));
            store.addPart("b", part(1, "one", T0));
            store.addPart("c", new PendingPart(other, 1, "x", null, T0.plusSeconds(30)));
        }
        try (SqliteMessageStore store = SqliteMessageStore.open(file)) {
            assertThat(store.openGroupCount()).isEqualTo(2);
            assertThat(store.pendingGroups(T0.plusSeconds(31), 10))
                    .containsExactly(new PendingGroup(GROUP, T0, 2), new PendingGroup(other, T0.plusSeconds(30), 1));
            assertThat(store.pendingGroups(T0.plusSeconds(30), 10)).extracting(PendingGroup::key)
                    .containsExactly(GROUP);
            assertThat(store.pendingGroups(Instant.MAX, 1)).extracting(PendingGroup::key).containsExactly(GROUP);
            InboundMessage partial = new InboundMessage(GROUP.sender(), "one\u2026two", T0, null, 3, true);
            assertThat(store.completeGroup(GROUP, partial)).isPresent();
            assertThat(store.received(1, OptionalLong.empty()).get(0).partial()).isTrue();
            assertThat(store.pendingGroups(Instant.MAX, 10)).extracting(PendingGroup::key).containsExactly(other);
        }
    }

    @Test
    void fullGroupsListsOnlyGroupsHoldingEveryPartWhateverTheirAge() {
        PartGroupKey pair = new PartGroupKey("SHOP", 0x1234, 2, true);
        try (SqliteMessageStore store = SqliteMessageStore.inMemory()) {
            store.addPart("a", part(1, "one", T0));
            store.addPart("b", part(3, "three", T0));
            store.addPart("c", new PendingPart(pair, 2, "y", null, T0.plusSeconds(86_400 * 400)));
            store.addPart("d", new PendingPart(pair, 1, "x", null, T0.plusSeconds(86_400 * 400)));
            assertThat(store.fullGroups(10)).containsExactly(new PendingGroup(pair, T0.plusSeconds(86_400 * 400), 2));

            store.addPart("e", part(2, "two", T0.plusSeconds(5)));
            assertThat(store.fullGroups(1)).extracting(PendingGroup::key).containsExactly(GROUP);
            assertThat(store.fullGroups(10)).extracting(PendingGroup::key).containsExactly(GROUP, pair);
            assertThatThrownBy(() -> store.fullGroups(0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void reportIsCorrelatedByReferenceAndRecipientInAnyNumberForm() {
        try (SqliteMessageStore store = SqliteMessageStore.inMemory()) {
            long id = store.insertSent(new OutboundMessage("+4917212345678", "hi", 2, T0));
            store.recordSentPart(id, 1, 41, T0.plusSeconds(1));
            store.recordSentPart(id, 2, 42, T0.plusSeconds(2));
            long other = store.insertSent(new OutboundMessage("+4915100000000", "yo", 1, T0));
            store.recordSentPart(other, 1, 42, T0.plusSeconds(3));

            assertThat(store.findSentPart(42, "017212345678")).get()
                    .satisfies(p -> {
                        assertThat(p.messageId()).isEqualTo(id);
                        assertThat(p.part()).isEqualTo(2);
                        assertThat(p.status()).isEqualTo(DeliveryStatus.PENDING);
                    });
            assertThat(store.findSentPart(42, "4917212345678")).map(SentPart::messageId).contains(id);
            assertThat(store.findSentPart(42, "+4915100000000")).map(SentPart::messageId).contains(other);
            assertThat(store.findSentPart(43, "+4917212345678")).isEmpty();
            assertThat(store.findSentPart(41, "+4400000000")).isEmpty();

            store.storeDeliveryReport("r1", new DeliveryReportRecord(41, "4917212345678", DeliveryStatus.DELIVERED,
                    0, T0.plusSeconds(10), id, 1));
            assertThat(store.storeDeliveryReport("r1", new DeliveryReportRecord(41, "4917212345678",
                    DeliveryStatus.DELIVERED, 0, T0.plusSeconds(10), id, 1))).isEmpty();
            store.storeDeliveryReport(null, new DeliveryReportRecord(41, "4917212345678", DeliveryStatus.PENDING,
                    0x30, T0.plusSeconds(11), id, 1));
            store.storeDeliveryReport(null, new DeliveryReportRecord(42, "4917212345678", DeliveryStatus.FAILED,
                    0x43, T0.plusSeconds(12), id, 2));
            store.storeDeliveryReport(null, new DeliveryReportRecord(7, "+15550000000", DeliveryStatus.DELIVERED,
                    0, T0.plusSeconds(13), null, null));

            SentMessage sent = store.sent(id).orElseThrow();
            assertThat(sent.sentParts()).extracting(SentPart::status)
                    .containsExactly(DeliveryStatus.DELIVERED, DeliveryStatus.FAILED);
            assertThat(sent.sentParts().get(0).rawStatus()).isZero();
            assertThat(sent.status()).isEqualTo(DeliveryStatus.FAILED);

            List<StoredDeliveryReport> reports = store.deliveryReports(10);
            assertThat(reports).extracting(StoredDeliveryReport::reference).containsExactly(7, 42, 41, 41);
            assertThat(reports.get(0).messageId()).isNull();
            assertThat(reports.get(1).messageId()).isEqualTo(id);
            assertThat(reports.get(1).rawStatus()).isEqualTo(0x43);
            assertThat(store.deliveryReports(1)).hasSize(1);
        }
    }

    @Test
    void reportWithoutStatusIsListedButLeavesThePartStatusAlone() {
        try (SqliteMessageStore store = SqliteMessageStore.inMemory()) {
            long id = store.insertSent(new OutboundMessage("+15550001111", "a", 2, T0));
            store.recordSentPart(id, 1, 9, T0);
            store.recordSentPart(id, 2, 10, T0);
            store.storeDeliveryReport(null, new DeliveryReportRecord(9, "+15550001111", DeliveryStatus.DELIVERED, 0,
                    T0.plusSeconds(5), id, 1));

            store.storeDeliveryReport(null, new DeliveryReportRecord(9, "+15550001111", DeliveryStatus.UNKNOWN, -1,
                    T0.plusSeconds(6), id, 1));
            store.storeDeliveryReport(null, new DeliveryReportRecord(10, "+15550001111", DeliveryStatus.UNKNOWN, -1,
                    T0.plusSeconds(7), id, 2));

            assertThat(store.sent(id).orElseThrow().sentParts())
                    .extracting(SentPart::status, SentPart::rawStatus)
                    .containsExactly(tuple(DeliveryStatus.DELIVERED, 0),
                            tuple(DeliveryStatus.PENDING, -1));
            assertThat(store.deliveryReports(10)).extracting(StoredDeliveryReport::status)
                    .containsExactly(DeliveryStatus.UNKNOWN, DeliveryStatus.UNKNOWN, DeliveryStatus.DELIVERED);
        }
    }

    @Test
    void newestSentPartWinsWhenReferencesWrap() {
        try (SqliteMessageStore store = SqliteMessageStore.inMemory()) {
            long old = store.insertSent(new OutboundMessage("+15550001111", "a", 1, T0));
            store.recordSentPart(old, 1, 9, T0);
            long recent = store.insertSent(new OutboundMessage("+15550001111", "b", 1, T0.plusSeconds(600)));
            store.recordSentPart(recent, 1, 9, T0.plusSeconds(600));
            assertThat(store.findSentPart(9, "+15550001111")).map(SentPart::messageId).contains(recent);
            assertThat(store.sent(recent).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(store.sent(12345)).isEmpty();
        }
    }

    @Test
    void concurrentWritersLoseNothingAndDedupeAcrossThreads() throws Exception {
        int threads = 6;
        int perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (SqliteMessageStore store = SqliteMessageStore.open(dir.resolve("concurrent.db"))) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        // Every thread also tries the same shared fingerprints: only one may win each.
                        String fingerprint = i % 4 == 0 ? "shared-" + i : "t" + thread + "-" + i;
                        store.storeReceived(fingerprint, message("m", T0)).ifPresent(ids::add);
                        store.addPart("part-t" + thread + "-" + i,
                                new PendingPart(new PartGroupKey("S" + thread, i, 2, false), 1, "x", null, T0));
                    }
                    return ids;
                }));
            }
            start.countDown();
            Set<Long> ids = new HashSet<>();
            int stored = 0;
            for (Future<List<Long>> f : futures) {
                List<Long> got = f.get(60, TimeUnit.SECONDS);
                stored += got.size();
                ids.addAll(got);
            }
            int shared = perThread / 4;
            int expected = threads * (perThread - shared) + shared;
            assertThat(stored).isEqualTo(expected);
            assertThat(ids).hasSize(expected);
            assertThat(store.received(500, OptionalLong.empty())).hasSize(expected);
            assertThat(store.openGroupCount()).isEqualTo(threads * perThread);
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void closedStoreFailsWithStoreException() {
        SqliteMessageStore store = SqliteMessageStore.inMemory();
        store.close();
        store.close();
        assertThatThrownBy(() -> store.received(1, OptionalLong.empty()))
                .isInstanceOf(MessageStoreException.class);
        assertThatThrownBy(() -> store.markSeen("x", T0)).isInstanceOf(MessageStoreException.class);
    }

    @Test
    void inMemoryStoresAreIndependent() {
        try (SqliteMessageStore a = SqliteMessageStore.inMemory(); SqliteMessageStore b = SqliteMessageStore.inMemory()) {
            a.storeReceived("fp", message("x", T0));
            assertThat(b.received(10, OptionalLong.empty())).isEmpty();
            assertThat(b.seen("fp")).isFalse();
        }
    }

    @Test
    void sentPartForUnknownMessageIsAStoreError() {
        try (SqliteMessageStore store = SqliteMessageStore.inMemory()) {
            assertThatThrownBy(() -> store.recordSentPart(999, 1, 5, T0)).isInstanceOf(MessageStoreException.class);
        }
    }
}
