package dev.callstack.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callstack.realtime.EncodedMessage;
import dev.callstack.realtime.JournalEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite journal on a real file: order, filters, both views, retention and the high-water mark. */
class SqliteEventJournalTest {
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @TempDir
    Path dir;

    private static JournalEntry entry(long id, String name, Instant at) {
        return new JournalEntry(id, name, at, bytes("{\"r\":" + id + "}"), bytes("{\"c\":" + id + "}"));
    }

    private static EncodedMessage bytes(String text) {
        return EncodedMessage.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Long> ids(List<JournalEntry> entries) {
        List<Long> ids = new ArrayList<>();
        entries.forEach(e -> ids.add(e.id()));
        return ids;
    }

    @Test
    void keepsBothViewsInOrderAndFiltersByName() {
        try (SqliteEventJournal journal = SqliteEventJournal.open(dir.resolve("j.db"))) {
            journal.append(entry(1, "call.ring", T0));
            journal.append(entry(2, "sms.received", T0));
            journal.append(entry(5, "call.ring", T0));
            assertThat(journal.lastId()).isEqualTo(5);
            assertThat(journal.oldestId()).isEqualTo(1);
            List<JournalEntry> all = journal.read(0, 10, Set.of());
            assertThat(ids(all)).containsExactly(1L, 2L, 5L);
            assertThat(all.get(1).redacted().text()).isEqualTo("{\"r\":2}");
            assertThat(all.get(1).content().text()).isEqualTo("{\"c\":2}");
            assertThat(all.get(1).timestamp()).isEqualTo(T0);
            assertThat(ids(journal.read(1, 10, Set.of("call.ring")))).containsExactly(5L);
            assertThat(ids(journal.read(0, 2, Set.of()))).containsExactly(1L, 2L);
            assertThatThrownBy(() -> journal.append(entry(5, "call.ring", T0)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aBatchIsStoredInOneGoAndABatchThatDoesNotIncreaseStoresNothing() {
        Path file = dir.resolve("batch.db");
        List<Long> told = new ArrayList<>();
        try (SqliteEventJournal journal = SqliteEventJournal.open(file)) {
            journal.onAppend(told::add);
            journal.appendAll(List.of(entry(1, "call.ring", T0), entry(2, "sms.received", T0),
                    entry(3, "call.ring", T0)));
            assertThat(journal.lastId()).isEqualTo(3);
            assertThat(journal.oldestId()).isEqualTo(1);
            assertThat(told).containsExactly(3L); // once per batch, with its newest id
            assertThatThrownBy(() -> journal.appendAll(List.of(entry(4, "call.ring", T0), entry(4, "call.ring", T0))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> journal.appendAll(List.of(entry(3, "call.ring", T0))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(journal.lastId()).isEqualTo(3);
        }
        try (SqliteEventJournal reopened = SqliteEventJournal.open(file)) {
            assertThat(ids(reopened.read(0, 10, Set.of()))).containsExactly(1L, 2L, 3L);
            assertThat(reopened.lastId()).isEqualTo(3);
        }
    }

    @Test
    void aBatchThatFailsInTheDatabaseIsRolledBackWhole() throws Exception {
        Path file = dir.resolve("rollback.db");
        try (SqliteEventJournal journal = SqliteEventJournal.open(file)) {
            journal.append(entry(1, "call.ring", T0));
            // Another writer took id 3 behind the journal's back: the batch 2, 3 fails at its second row.
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement s = other.createStatement()) {
                s.execute("INSERT INTO server_event_journal (id, name, at_ms, redacted, content) "
                        + "VALUES (3, 'call.ring', 0, x'7b7d', x'7b7d')");
            }
            assertThatThrownBy(() -> journal.appendAll(List.of(entry(2, "call.ring", T0), entry(3, "call.ring", T0))))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(journal.lastId()).isEqualTo(1);
            assertThat(ids(journal.read(0, 10, Set.of()))).containsExactly(1L, 3L); // 2 was rolled back with 3
            journal.appendAll(List.of(entry(4, "call.ring", T0)));
            assertThat(journal.lastId()).isEqualTo(4);
        }
    }

    @Test
    void aBatchLongerThanOneInsertStatementIsStoredInOrderOrRolledBackWholeWhenALaterStatementFails()
            throws Exception {
        Path file = dir.resolve("chunks.db");
        int rows = SqliteEventJournal.MAX_ROWS_PER_INSERT * 2 + 8; // three statements: full, full, partial
        long taken = rows; // a row of the third statement
        try (SqliteEventJournal journal = SqliteEventJournal.open(file)) {
            journal.append(entry(1, "call.ring", T0));
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement s = other.createStatement()) {
                s.execute("INSERT INTO server_event_journal (id, name, at_ms, redacted, content) "
                        + "VALUES (" + taken + ", 'call.ring', 0, x'7b7d', x'7b7d')");
            }
            assertThatThrownBy(() -> journal.appendAll(entries(2, rows))).isInstanceOf(IllegalStateException.class);
            assertThat(journal.lastId()).isEqualTo(1);
            assertThat(ids(journal.read(0, 1_000, Set.of()))).containsExactly(1L, taken); // the first two undone

            List<JournalEntry> next = entries(taken + 1, rows);
            journal.appendAll(next);
            assertThat(journal.lastId()).isEqualTo(taken + rows);
            List<JournalEntry> stored = journal.read(taken, 1_000, Set.of());
            assertThat(ids(stored)).isEqualTo(ids(next));
            JournalEntry last = stored.get(stored.size() - 1);
            assertThat(last.redacted().text()).isEqualTo("{\"r\":" + last.id() + "}");
            assertThat(last.content().text()).isEqualTo("{\"c\":" + last.id() + "}");
        }
    }

    private static List<JournalEntry> entries(long firstId, int count) {
        List<JournalEntry> entries = new ArrayList<>();
        for (long id = firstId; id < firstId + count; id++) {
            entries.add(entry(id, id % 2 == 0 ? "call.ring" : "sms.received", T0.plusMillis(id)));
        }
        return entries;
    }

    @Test
    void usesWalAndTheLastIdSurvivesRetentionDeletingEverythingAndAReopen() throws Exception {
        Path file = dir.resolve("j.db");
        try (SqliteEventJournal journal = SqliteEventJournal.open(file)) {
            for (long id = 1; id <= 20; id++) {
                journal.append(entry(id, "call.ring", T0));
            }
            assertThat(journal.prune(T0.plusSeconds(1), 1_000)).isEqualTo(20);
            assertThat(journal.oldestId()).isZero();
            assertThat(journal.lastId()).isEqualTo(20);
            assertThat(journal.read(0, 10, Set.of())).isEmpty();
        }
        try (SqliteEventJournal reopened = SqliteEventJournal.open(file)) {
            assertThat(reopened.lastId()).isEqualTo(20);
            reopened.append(entry(21, "call.ring", T0));
            assertThat(reopened.oldestId()).isEqualTo(21);
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = raw.createStatement(); ResultSet mode = s.executeQuery("PRAGMA journal_mode")) {
            mode.next();
            assertThat(mode.getString(1)).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void prunesByCountAndByAgeInBatches() {
        try (SqliteEventJournal journal = SqliteEventJournal.open(null)) {
            int total = SqliteEventJournal.DELETE_BATCH * 2 + 10;
            for (long id = 1; id <= total; id++) {
                journal.append(entry(id, "call.ring", T0.plusSeconds(id)));
            }
            assertThat(journal.prune(T0, total - 5)).isEqualTo(5);
            assertThat(journal.oldestId()).isEqualTo(6);
            // Everything before T0 + 100 s goes (ids 1-99), the count limit is not reached.
            assertThat(journal.prune(T0.plusSeconds(100), total)).isEqualTo(94);
            assertThat(journal.oldestId()).isEqualTo(100);
            assertThat(journal.prune(T0, 10)).isEqualTo(total - 99 - 10);
            assertThat(journal.oldestId()).isEqualTo(total - 9);
            assertThat(journal.size()).isEqualTo(10);
        }
    }

    @Test
    void thePrunerTrimsToTheCountSoonAfterAppendsAndNoAgeLimitMeansCountOnly() {
        Clock clock = Clock.fixed(T0.plus(Duration.ofDays(30)), ZoneOffset.UTC);
        try (SqliteEventJournal journal = SqliteEventJournal.open(null);
             JournalPruner pruner = new JournalPruner(journal, Duration.ZERO, 50, clock)) {
            for (long id = 1; id <= 40; id++) {
                journal.append(entry(id, "call.ring", T0));
            }
            assertThat(pruner.prune()).as("old events kept without an age limit").isZero();
            for (long id = 41; id <= 60; id++) {
                journal.append(entry(id, "call.ring", T0));
            }
            assertThat(pruner.prune()).isEqualTo(10);
            assertThat(journal.oldestId()).isEqualTo(11);
        }
        try (SqliteEventJournal journal = SqliteEventJournal.open(null);
             JournalPruner pruner = new JournalPruner(journal, Duration.ofDays(7), 1_000, clock)) {
            journal.append(entry(1, "call.ring", T0));
            journal.append(entry(2, "call.ring", T0.plus(Duration.ofDays(29))));
            assertThat(pruner.prune()).isEqualTo(1);
            assertThat(journal.oldestId()).isEqualTo(2);
        }
    }

    @Test
    void aClosedJournalRefusesWork() {
        SqliteEventJournal journal = SqliteEventJournal.open(null);
        journal.close();
        journal.close();
        assertThatThrownBy(() -> journal.append(entry(1, "call.ring", T0))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> journal.read(0, 1, Set.of())).isInstanceOf(IllegalStateException.class);
    }
}
