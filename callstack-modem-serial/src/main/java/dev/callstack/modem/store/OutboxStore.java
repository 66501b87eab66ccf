package dev.callstack.modem.store;

import static dev.callstack.modem.store.StoreSql.checkLimit;
import static dev.callstack.modem.store.StoreSql.millis;

import dev.callstack.core.IdempotencyConflictException;
import dev.callstack.core.OutboxBacklog;
import dev.callstack.core.OutboxReceipt;
import dev.callstack.core.OutboxStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The outbox's durable state on the message store's connection: every transition is one committed transaction, so
 * the table says at any moment what a crash would leave. The message id is the {@code sent_message} id, the one
 * {@code SmsSent} and delivery reports carry. Idempotency keys and request fingerprints arrive already hashed.
 *
 * <p>Thread-safe: every call is one {@link StoreConnection} transaction, or for {@link #enqueue} one savepoint of a
 * transaction shared with concurrent enqueues ({@link OutboxEnqueue}; two enqueues with one key are serialised: the
 * second sees the first).
 */
public final class OutboxStore {
    /** Keyed enqueues between two prunings of expired idempotency keys. */
    static final int PRUNE_EVERY = 1024;

    private final StoreConnection db;
    private final OutboxEnqueue enqueues;

    OutboxStore(StoreConnection db) {
        this(db, PRUNE_EVERY);
    }

    OutboxStore(StoreConnection db, int pruneEvery) {
        this.db = Objects.requireNonNull(db, "db");
        this.enqueues = new OutboxEnqueue(db, pruneEvery);
    }

    /**
     * Commits a message, or returns the message an earlier request with {@code keyHash} committed within
     * {@code window}; one savepoint (key check, insert, key record) in a transaction that concurrent enqueues may
     * share, returning once it is committed.
     *
     * @param message     the message
     * @param keyHash     the SHA-256 of the caller-scoped idempotency key, or {@code null}
     * @param fingerprint the SHA-256 of the request, or {@code null} when there is no key
     * @param window      how long a key is remembered
     * @return the committed (or earlier) message
     * @throws IdempotencyConflictException when the key was used within the window for another fingerprint
     */
    public OutboxReceipt enqueue(NewOutboxMessage message, String keyHash, String fingerprint, Duration window) {
        return enqueues.enqueue(message, keyHash, fingerprint, window);
    }

    /**
     * The message an earlier request with {@code keyHash} committed within {@code window}, committing nothing.
     *
     * @param keyHash     the SHA-256 of the caller-scoped idempotency key
     * @param fingerprint the SHA-256 of the request
     * @param window      how long a key is remembered
     * @param now         the time the window ends
     * @return the earlier message as a replayed receipt, or empty
     * @throws IdempotencyConflictException when the key was used within the window for another fingerprint
     */
    public Optional<OutboxReceipt> replay(String keyHash, String fingerprint, Duration window, Instant now) {
        return enqueues.replay(keyHash, fingerprint, window, now);
    }

    /**
     * Commits a direct send ({@link NewOutboxMessage#direct()}) as {@code SENDING} with one attempt.
     *
     * @param message the message
     * @return its id
     */
    public long insertDirect(NewOutboxMessage message) {
        Objects.requireNonNull(message, "message");
        return db.write("store a sent message", c -> OutboxInsert.insert(db.statements(), message));
    }

    /**
     * One message.
     *
     * @param messageId its id
     * @return the message, or empty when there is none (or its content was erased)
     */
    public Optional<OutboxRow> find(long messageId) {
        return db.read("load an outbox message", c -> OutboxRows.find(c, messageId));
    }

    /**
     * Messages newest first.
     *
     * @param status   only this state, or {@code null}
     * @param limit    1–500
     * @param beforeId only ids below this one, or empty
     * @return at most {@code limit} messages
     */
    public List<OutboxRow> list(OutboxStatus status, int limit, OptionalLong beforeId) {
        checkLimit(limit);
        Objects.requireNonNull(beforeId, "beforeId");
        return db.read("list outbox messages", c -> {
            try (PreparedStatement ps = c.prepareStatement(OutboxRows.SELECT + " WHERE" + OutboxRows.NOT_ERASED
                    + " AND (? IS NULL OR o.status = ?) AND o.message_id < ? ORDER BY o.message_id DESC LIMIT ?")) {
                ps.setString(1, status == null ? null : status.name());
                ps.setString(2, status == null ? null : status.name());
                ps.setLong(3, beforeId.orElse(Long.MAX_VALUE));
                ps.setInt(4, limit);
                return OutboxRows.rows(c, ps);
            }
        });
    }

    /**
     * Cancels a queued message.
     *
     * @param messageId its id
     * @return the cancelled message, or empty when there is none
     * @throws IllegalStateException when it is not {@code QUEUED}
     */
    public Optional<OutboxRow> cancel(long messageId) {
        return db.write("cancel an outbox message", c -> {
            Optional<OutboxRow> row = OutboxRows.find(c, messageId);
            if (row.isEmpty()) {
                return row;
            }
            if (row.get().status() != OutboxStatus.QUEUED) {
                throw new IllegalStateException("message is "
                        + row.get().status().name().toLowerCase(Locale.ROOT) + ", not queued");
            }
            update(c, "UPDATE outbox SET status = 'CANCELLED' WHERE message_id = ?", messageId);
            return OutboxRows.find(c, messageId);
        });
    }

    /**
     * The queued message to send next: high priority first, then by due time and id, among those due at {@code now}.
     *
     * @param now the current time
     * @return the message, or empty when none is due
     */
    public Optional<OutboxRow> nextDue(Instant now) {
        return db.read("pick the next outbox message", c -> {
            try (PreparedStatement ps = c.prepareStatement(OutboxRows.SELECT + " WHERE o.status = 'QUEUED'"
                    + " AND o.due_at <= ? ORDER BY o.priority DESC, o.due_at, o.message_id LIMIT 1")) {
                ps.setLong(1, millis(now));
                List<OutboxRow> rows = OutboxRows.rows(c, ps);
                return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
            }
        });
    }

    /**
     * When the next queued message falls due or expires, whichever is first.
     *
     * @return that instant, or empty when nothing is queued
     */
    public Optional<Instant> nextWake() {
        return db.read("find the next outbox wake-up", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT MIN(due_at), MIN(expires_at) FROM outbox WHERE status = 'QUEUED'");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<Instant>empty();
                }
                long due = rs.getLong(1);
                if (rs.wasNull()) {
                    return Optional.<Instant>empty();
                }
                return Optional.of(Instant.ofEpochMilli(Math.min(due, rs.getLong(2))));
            }
        });
    }

    /**
     * Queued messages whose time to live ran out at {@code now}: they become {@code EXPIRED} (or
     * {@code PARTIALLY_SENT} when parts left on an earlier attempt), in one transaction.
     *
     * @param now the current time
     * @return the messages as they are now
     */
    public List<OutboxRow> expire(Instant now) {
        return db.write("expire outbox messages", c -> {
            List<OutboxRow> due;
            try (PreparedStatement ps = c.prepareStatement(OutboxRows.SELECT
                    + " WHERE o.status = 'QUEUED' AND o.expires_at <= ? ORDER BY o.message_id LIMIT 100")) {
                ps.setLong(1, millis(now));
                due = OutboxRows.rows(c, ps);
            }
            for (OutboxRow row : due) {
                OutboxStatus end = row.partsSent() > 0 ? OutboxStatus.PARTIALLY_SENT : OutboxStatus.EXPIRED;
                finish(c, row.messageId(), end, "time to live ran out before it could be sent");
            }
            List<OutboxRow> after = new ArrayList<>(due.size());
            for (OutboxRow row : due) {
                OutboxRows.find(c, row.messageId()).ifPresent(after::add);
            }
            return after;
        });
    }

    /**
     * Takes a queued message for an attempt: {@code SENDING}, one more attempt. False when it is no longer queued
     * (cancelled meanwhile).
     *
     * @param messageId its id
     * @return whether it was queued and is now sending
     */
    public boolean beginAttempt(long messageId) {
        return db.write("start an outbox attempt", c -> update(c, "UPDATE outbox SET status = 'SENDING',"
                + " attempts = attempts + 1, in_flight_part = NULL WHERE message_id = ? AND status = 'QUEUED'",
                messageId) == 1);
    }

    /**
     * Records, before its {@code AT+CMGS}, that part {@code part} is about to go out: after a crash it may have.
     *
     * @param messageId its id
     * @param part      the part number, 1-based
     */
    public void partInFlight(long messageId, int part) {
        db.write("mark a part in flight", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE outbox SET in_flight_part = ? WHERE message_id = ?")) {
                ps.setInt(1, part);
                ps.setLong(2, messageId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Records part {@code part}'s reference and clears the in-flight mark in one transaction; the last part also
     * makes the message {@code SENT} (or what the reports already in say).
     *
     * @param messageId its id
     * @param part      the part number, 1-based
     * @param parts     the part count
     * @param reference the TP-MR
     * @param sentAt    when {@code +CMGS} answered
     * @return the status the message has now
     */
    public OutboxStatus partSent(long messageId, int part, int parts, int reference, Instant sentAt) {
        return db.write("record a sent part", c -> {
            OutboundRecords.insertPart(c, messageId, part, reference, sentAt);
            if (part < parts) {
                update(c, "UPDATE outbox SET in_flight_part = NULL WHERE message_id = ?", messageId);
                return OutboxStatus.SENDING;
            }
            OutboxStatus status = OutboxRows.statusWhenAllSent(c, messageId, parts);
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET status = ?, in_flight_part = NULL,"
                    + " sent_at = ?, delivered_at = ?, error = NULL WHERE message_id = ?")) {
                ps.setString(1, status.name());
                ps.setLong(2, millis(sentAt));
                if (status == OutboxStatus.DELIVERED) {
                    ps.setLong(3, millis(sentAt));
                } else {
                    ps.setNull(3, Types.INTEGER);
                }
                ps.setLong(4, messageId);
                ps.executeUpdate();
            }
            return status;
        });
    }

    /**
     * Back to {@code QUEUED} for a later attempt (a transient failure, or a resumable crash).
     *
     * @param messageId its id
     * @param dueAt     the next attempt's time
     * @param error     why, without number or text
     */
    public void requeue(long messageId, Instant dueAt, String error) {
        db.write("requeue an outbox message", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET status = 'QUEUED', due_at = ?,"
                    + " in_flight_part = NULL, error = ? WHERE message_id = ?")) {
                ps.setLong(1, millis(dueAt));
                ps.setString(2, error);
                ps.setLong(3, messageId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * A final state other than sent: {@code FAILED}, {@code EXPIRED}, {@code UNKNOWN} or {@code PARTIALLY_SENT}.
     *
     * @param messageId its id
     * @param status    the final state
     * @param error     why, without number or text
     * @return the message as it is now
     */
    public Optional<OutboxRow> finish(long messageId, OutboxStatus status, String error) {
        return db.write("finish an outbox message", c -> {
            finish(c, messageId, status, error);
            return OutboxRows.find(c, messageId);
        });
    }

    /**
     * Messages a crash left {@code SENDING}, as they are.
     *
     * @return those messages, oldest first
     */
    public List<OutboxRow> interrupted() {
        return db.read("find interrupted outbox messages", c -> {
            try (PreparedStatement ps = c.prepareStatement(OutboxRows.SELECT
                    + " WHERE o.status = 'SENDING' ORDER BY o.message_id")) {
                return OutboxRows.rows(c, ps);
            }
        });
    }

    /**
     * How many messages are in {@code status}.
     *
     * @param status the state
     * @return the count
     */
    public int count(OutboxStatus status) {
        return db.read("count outbox messages", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE status = ?")) {
                ps.setString(1, status.name());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    /**
     * Messages not yet final ({@code QUEUED} or {@code SENDING}) and the commit time of the oldest: one read over the
     * status index, for gauges.
     *
     * @return the backlog
     */
    public OutboxBacklog backlog() {
        return db.read("measure the outbox backlog", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), MIN(s.created_at) FROM outbox o"
                    + " JOIN sent_message s ON s.id = o.message_id WHERE o.status IN ('QUEUED', 'SENDING')");
                 ResultSet rs = ps.executeQuery()) {
                long pending = rs.next() ? rs.getLong(1) : 0;
                return pending == 0 ? OutboxBacklog.EMPTY
                        : new OutboxBacklog(pending, Instant.ofEpochMilli(rs.getLong(2)));
            }
        });
    }

    private static void finish(Connection c, long messageId, OutboxStatus status, String error) throws SQLException {
        if (!status.isFinal() || status == OutboxStatus.SENT || status == OutboxStatus.DELIVERED
                || status == OutboxStatus.CANCELLED) {
            throw new IllegalArgumentException("not a failure state: " + status);
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET status = ?, in_flight_part = NULL,"
                + " error = ? WHERE message_id = ?")) {
            ps.setString(1, status.name());
            ps.setString(2, error);
            ps.setLong(3, messageId);
            ps.executeUpdate();
        }
    }

    private static int update(Connection c, String sql, long messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, messageId);
            return ps.executeUpdate();
        }
    }
}
