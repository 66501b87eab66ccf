package dev.callstack.modem.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.core.OutboxPriority;
import dev.callstack.core.OutboxReceipt;
import dev.callstack.core.OutgoingSms;
import dev.callstack.core.PhoneNumber;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expired idempotency keys are pruned every N-th keyed enqueue, not per request, so the 24 h window must hold in the
 * lookup itself: an expired key still in the table does not match, and one pruning removes every expired key.
 */
class OutboxKeyPruningTest {
    private static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(1);

    @TempDir
    Path dir;

    private static NewOutboxMessage message(String body, Instant at) {
        return new NewOutboxMessage(OutgoingSms.of(PhoneNumber.of("+4917212345678"), body), 1, 0,
                OutboxPriority.NORMAL, at, at.plus(WINDOW), false, false, at);
    }

    private static int keys(StoreConnection db) {
        return db.read("count keys", c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM outbox_idempotency")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Test
    void anExpiredKeyThatWasNotPrunedYetDoesNotMatch() {
        try (StoreConnection db = StoreConnection.connect("jdbc:sqlite:" + dir.resolve("keys.db"), true)) {
            OutboxStore store = new OutboxStore(db, 1_000);
            OutboxReceipt first = store.enqueue(message("hello", NOW), "key", "fp", WINDOW);
            OutboxReceipt withinWindow = store.enqueue(
                    message("hello", NOW.plus(WINDOW).minusMillis(1)), "key", "fp", WINDOW);
            assertThat(withinWindow.replayed()).isTrue();
            assertThat(withinWindow.entry().messageId()).isEqualTo(first.entry().messageId());

            Instant later = NOW.plus(WINDOW).plusMillis(1);
            assertThat(store.replay("key", "fp", WINDOW, later)).isEmpty();
            assertThat(keys(db)).as("not pruned yet").isEqualTo(1);
            OutboxReceipt after = store.enqueue(message("hello", later), "key", "other fp", WINDOW);
            assertThat(after.replayed()).as("expired: a new message, no conflict").isFalse();
            assertThat(after.entry().messageId()).isNotEqualTo(first.entry().messageId());
            assertThat(store.enqueue(message("hello", later), "key", "other fp", WINDOW).entry().messageId())
                    .as("the key now names the new message").isEqualTo(after.entry().messageId());
        }
    }

    @Test
    void oneKeyedEnqueueInEveryNPrunesAllExpiredKeys() {
        try (StoreConnection db = StoreConnection.connect("jdbc:sqlite:" + dir.resolve("prune.db"), true)) {
            OutboxStore store = new OutboxStore(db, 5);
            for (int i = 0; i < 4; i++) {
                store.enqueue(message("old " + i, NOW), "old-" + i, "fp", WINDOW);
            }
            assertThat(keys(db)).isEqualTo(4);
            store.enqueue(message("new", NOW.plus(WINDOW).plusSeconds(1)), "new", "fp", WINDOW);
            assertThat(keys(db)).as("the fifth keyed enqueue pruned the four expired keys").isEqualTo(1);
        }
    }
}
