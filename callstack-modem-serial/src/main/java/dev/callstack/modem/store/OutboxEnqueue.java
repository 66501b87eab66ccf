package dev.callstack.modem.store;

import dev.callstack.core.IdempotencyConflictException;
import dev.callstack.core.OutboxReceipt;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@link OutboxStore#enqueue} and {@link OutboxStore#replay}: a message committed once per idempotency key. Each
 * enqueue is one savepoint (key check, insert, key record) in a transaction concurrent enqueues share (group commit,
 * one fsync for all of them), so key check and insert stay atomic per request and a failing request does not fail its
 * neighbours. The statements are prepared once per connection (preparing cost more than running them), and expired
 * keys are pruned every {@code pruneEvery} keyed enqueues rather than per request: the lookup itself ignores expired
 * keys.
 *
 * <p>Thread-safe: the counter of keyed enqueues is read and written only inside the savepoint, under the store's lock.
 */
final class OutboxEnqueue {
    private final StoreConnection db;
    private final int pruneEvery;
    private long keyedEnqueues;

    OutboxEnqueue(StoreConnection db, int pruneEvery) {
        this.db = Objects.requireNonNull(db, "db");
        if (pruneEvery < 1) {
            throw new IllegalArgumentException("pruneEvery must be positive");
        }
        this.pruneEvery = pruneEvery;
    }

    /** See {@link OutboxStore#enqueue}. */
    OutboxReceipt enqueue(NewOutboxMessage message, String keyHash, String fingerprint, Duration window) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(window, "window");
        return db.writeShared("queue a message", c -> {
            StatementCache statements = db.statements();
            Instant now = message.createdAt();
            if (keyHash != null) {
                Instant cutoff = now.minus(window);
                if (++keyedEnqueues % pruneEvery == 0) {
                    OutboxKeys.forgetBefore(statements, cutoff);
                }
                Optional<OutboxReceipt> earlier = earlier(statements, keyHash, fingerprint, cutoff);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            long id = OutboxInsert.insert(statements, message);
            if (keyHash != null) {
                OutboxKeys.remember(statements, keyHash, fingerprint, id, now);
            }
            // The row as a read would give it, built from what was just written: reading it back cost two more
            // statements under the store's lock for every enqueue.
            return new OutboxReceipt(OutboxInsert.asStored(id, message).toEntry(), false);
        });
    }

    /** See {@link OutboxStore#replay}. */
    Optional<OutboxReceipt> replay(String keyHash, String fingerprint, Duration window, Instant now) {
        Objects.requireNonNull(keyHash, "keyHash");
        return db.read("look up an idempotency key",
                c -> earlier(db.statements(), keyHash, fingerprint, now.minus(window)));
    }

    /**
     * The message committed under {@code keyHash} since {@code cutoff}, as a replayed receipt.
     *
     * @throws IdempotencyConflictException when that was another request (fingerprint)
     */
    private static Optional<OutboxReceipt> earlier(StatementCache statements, String keyHash, String fingerprint,
            Instant cutoff) throws SQLException {
        OptionalLong earlier = OutboxKeys.earlier(statements, keyHash,
                Objects.requireNonNull(fingerprint, "fingerprint"), cutoff);
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OutboxReceipt(
                OutboxRows.find(statements, earlier.getAsLong()).orElseThrow().toEntry(), true));
    }
}
