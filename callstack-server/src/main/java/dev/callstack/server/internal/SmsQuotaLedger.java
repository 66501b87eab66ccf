package dev.callstack.server.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Counts SMS parts per key over a rolling 24 hours for {@code sms_per_day}. Rows live in the server's own table,
 * {@code server_sms_quota}, in the message store's SQLite file, so a restart does not reset a key's quota; without a
 * file (an embedder that configured none) they live in an in-memory SQLite database. A key is named by its quota id
 * (a digest, never the key). Parts are reserved before the send and released when the send fails, so concurrent
 * sends cannot overshoot the limit together.
 *
 * <p>Thread-safe: every method holds the monitor, and the one JDBC connection is used under it. Methods block on
 * disk: call them off the event loop.
 */
final class SmsQuotaLedger implements AutoCloseable {
    static final Duration WINDOW = Duration.ofHours(24);
    private static final String SCHEMA = "CREATE TABLE IF NOT EXISTS server_sms_quota ("
            + "id INTEGER PRIMARY KEY, quota_id TEXT NOT NULL, sent_at_ms INTEGER NOT NULL, parts INTEGER NOT NULL)";
    private static final String INDEX = "CREATE INDEX IF NOT EXISTS server_sms_quota_by_key "
            + "ON server_sms_quota (quota_id, sent_at_ms)";

    /** The outcome of {@link #reserve}: a row to release on failure, or the seconds to wait. */
    record Reservation(long rowId, long retryAfterSeconds) {
        boolean granted() {
            return rowId > 0;
        }
    }

    private final Connection connection;
    private final Clock clock;

    private SmsQuotaLedger(Connection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    /** Opens (and creates if needed) the table in {@code database}, or in memory when it is null. */
    static SmsQuotaLedger open(Path database, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        String url = database == null ? "jdbc:sqlite::memory:" : "jdbc:sqlite:" + database.toAbsolutePath();
        try {
            Connection connection = DriverManager.getConnection(url);
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
                s.execute(SCHEMA);
                s.execute(INDEX);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return new SmsQuotaLedger(connection, clock);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the SMS quota table (" + e.getClass().getSimpleName() + ")",
                    e);
        }
    }

    /** Reserves {@code parts} for {@code quotaId} if they fit under {@code limit} parts per 24 hours. */
    synchronized Reservation reserve(String quotaId, int limit, int parts) {
        long now = clock.millis();
        long since = now - WINDOW.toMillis();
        try {
            try (PreparedStatement prune = connection.prepareStatement(
                    "DELETE FROM server_sms_quota WHERE quota_id = ? AND sent_at_ms <= ?")) {
                prune.setString(1, quotaId);
                prune.setLong(2, since);
                prune.executeUpdate();
            }
            long refusedFor = waitFor(quotaId, limit, parts, now);
            if (refusedFor > 0) {
                return new Reservation(0, refusedFor);
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO server_sms_quota (quota_id, sent_at_ms, parts) VALUES (?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, quotaId);
                insert.setLong(2, now);
                insert.setInt(3, parts);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return new Reservation(keys.getLong(1), 0);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SMS quota table failed (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** 0 when {@code parts} fit now, else the whole seconds until enough of the window has passed. */
    private long waitFor(String quotaId, int limit, int parts, long now) throws SQLException {
        if (parts > limit) {
            return WINDOW.toSeconds(); // never fits; a day is the honest upper bound
        }
        try (PreparedStatement used = connection.prepareStatement(
                "SELECT sent_at_ms, parts FROM server_sms_quota WHERE quota_id = ? ORDER BY sent_at_ms")) {
            used.setString(1, quotaId);
            long total = 0;
            List<long[]> rows = new ArrayList<>(); // {sent_at_ms, parts}, oldest first
            try (ResultSet result = used.executeQuery()) {
                while (result.next()) {
                    rows.add(new long[] {result.getLong(1), result.getInt(2)});
                    total += result.getInt(2);
                }
            }
            long excess = total + parts - limit;
            if (excess <= 0) {
                return 0;
            }
            // The oldest rows leave the window first: wait until enough of them have.
            long freed = 0;
            for (long[] row : rows) {
                freed += row[1];
                if (freed >= excess) {
                    long millis = row[0] + WINDOW.toMillis() - now;
                    return Math.max(1, (millis + 999) / 1000);
                }
            }
            return WINDOW.toSeconds();
        }
    }

    /** Gives back a reservation whose send failed. */
    synchronized void release(long rowId) {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM server_sms_quota WHERE id = ?")) {
            delete.setLong(1, rowId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("SMS quota table failed (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing: nothing left to do
        }
    }
}
