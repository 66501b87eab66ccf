package dev.callstack.server.internal.webhook;

import static dev.callstack.server.internal.webhook.WebhookTables.DELIVERY_COLUMNS;
import static dev.callstack.server.internal.webhook.WebhookTables.SUBSCRIPTION_COLUMNS;
import static dev.callstack.server.internal.webhook.WebhookTables.WAITING;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The durable half of webhooks: subscriptions and deliveries in the server's own tables
 * ({@code server_webhook_subscriptions}, {@code server_webhook_deliveries}) of the message store's SQLite file, or
 * of an in-memory database when the server has no file. A delivery row is committed, with the subscription's cursor,
 * before any attempt, so a restart continues every retry and never queues an event twice. The payload is stored
 * with the pending row (the journal may forget it first) and dropped once delivered.
 *
 * <p>Thread-safe: every method holds the monitor and uses the one connection under it. Methods block on disk.
 */
public final class WebhookStore implements AutoCloseable {
    /** A delivery due for an attempt, with the payload to send. */
    @SuppressWarnings("ArrayRecordComponent") // read once to send, never compared
    public record Due(WebhookDelivery delivery, byte[] body) {
    }

    /** One event turned into a delivery: its id and the payload in the subscription's view. */
    @SuppressWarnings("ArrayRecordComponent") // written once, never compared
    public record Queued(long eventId, byte[] body) {
    }

    /**
     * Figures for the metrics.
     *
     * @param waiting          deliveries pending or failed-and-retrying
     * @param oldestWaitingMs  creation time of the oldest of them, 0 when there is none
     * @param disabled         disabled subscriptions
     */
    public record Stats(long waiting, long oldestWaitingMs, long disabled) {
    }

    private final Connection connection;

    private WebhookStore(Connection connection) {
        this.connection = connection;
    }

    /**
     * Opens (and creates if needed) the tables.
     *
     * @param database the SQLite file, or null for an in-memory database
     * @return the store
     * @throws IllegalStateException when the file cannot be opened
     */
    public static WebhookStore open(Path database) {
        String url = database == null ? "jdbc:sqlite::memory:" : "jdbc:sqlite:" + database.toAbsolutePath();
        try {
            Connection connection = DriverManager.getConnection(url);
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
                WebhookTables.create(s);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return new WebhookStore(connection);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Stores a new subscription, or replaces one with the same id (keeping its cursor when it had one).
     *
     * @param s the subscription
     */
    public synchronized void save(WebhookSubscription s) {
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO server_webhook_subscriptions ("
                + SUBSCRIPTION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                + "url = excluded.url, events = excluded.events, content = excluded.content, "
                + "secret = excluded.secret, enabled = 1, failing_since_ms = 0")) {
            p.setString(1, s.id());
            p.setString(2, s.url());
            p.setString(3, String.join(",", s.events()));
            p.setInt(4, s.content() ? 1 : 0);
            p.setString(5, s.secret());
            p.setLong(6, s.createdAtMs());
            p.setInt(7, s.createdBy());
            p.setInt(8, s.enabled() ? 1 : 0);
            p.setLong(9, s.failingSince());
            p.setLong(10, s.cursor());
            p.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Every subscription, oldest first.
     *
     * @return the subscriptions
     */
    public synchronized List<WebhookSubscription> subscriptions() {
        try (PreparedStatement p = connection.prepareStatement("SELECT " + SUBSCRIPTION_COLUMNS
                + " FROM server_webhook_subscriptions ORDER BY created_at_ms, id");
             ResultSet r = p.executeQuery()) {
            List<WebhookSubscription> out = new ArrayList<>();
            while (r.next()) {
                out.add(WebhookTables.subscription(r));
            }
            return out;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * One subscription.
     *
     * @param id its id
     * @return it, or null
     */
    public synchronized WebhookSubscription subscription(String id) {
        try (PreparedStatement p = connection.prepareStatement("SELECT " + SUBSCRIPTION_COLUMNS
                + " FROM server_webhook_subscriptions WHERE id = ?")) {
            p.setString(1, id);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? WebhookTables.subscription(r) : null;
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Removes a subscription and its deliveries.
     *
     * @param id its id
     * @return whether it existed
     */
    public synchronized boolean delete(String id) {
        return inTransaction(() -> {
            update("DELETE FROM server_webhook_deliveries WHERE subscription = ?", id);
            return update("DELETE FROM server_webhook_subscriptions WHERE id = ?", id) > 0;
        });
    }

    /**
     * Commits deliveries for {@code events} and moves the cursor, in one transaction.
     *
     * @param subscription the subscription id
     * @param events       the new deliveries, in id order
     * @param cursor       the new cursor
     * @param nowMs        now
     */
    public synchronized void queue(String subscription, List<Queued> events, long cursor, long nowMs) {
        inTransaction(() -> {
            try (PreparedStatement p = connection.prepareStatement("INSERT OR IGNORE INTO server_webhook_deliveries "
                    + "(" + DELIVERY_COLUMNS + ", body) VALUES (?, ?, 'pending', 0, ?, 0, NULL, ?, ?, ?)")) {
                for (Queued event : events) {
                    p.setString(1, subscription);
                    p.setLong(2, event.eventId());
                    p.setLong(3, nowMs);
                    p.setLong(4, nowMs);
                    p.setLong(5, nowMs);
                    p.setBytes(6, event.body());
                    p.addBatch();
                }
                p.executeBatch();
            }
            update("UPDATE server_webhook_subscriptions SET cursor = ? WHERE id = ? AND cursor < ?", cursor,
                    subscription, cursor);
            return null;
        });
    }

    /**
     * Queues {@code eventId} again for {@code subscription}: a fresh pending delivery, due now.
     *
     * @param subscription the subscription id
     * @param eventId      the event
     * @param body         its payload in the subscription's view
     * @param nowMs        now
     */
    public synchronized void requeue(String subscription, long eventId, byte[] body, long nowMs) {
        update("INSERT OR REPLACE INTO server_webhook_deliveries (" + DELIVERY_COLUMNS + ", body) "
                + "VALUES (?, ?, 'pending', 0, ?, 0, NULL, ?, ?, ?)", subscription, eventId, nowMs, nowMs, nowMs, body);
    }

    /**
     * Waiting deliveries of {@code subscription} whose attempt is due, lowest event id first.
     *
     * @param subscription the subscription id
     * @param nowMs        now
     * @param limit        the most to return
     * @return the due deliveries with their payloads
     */
    public synchronized List<Due> due(String subscription, long nowMs, int limit) {
        try (PreparedStatement p = connection.prepareStatement("SELECT " + DELIVERY_COLUMNS + ", body FROM "
                + "server_webhook_deliveries WHERE subscription = ? AND " + WAITING + " AND next_attempt_ms <= ? "
                + "ORDER BY event_id LIMIT ?")) {
            p.setString(1, subscription);
            p.setLong(2, nowMs);
            p.setInt(3, limit);
            try (ResultSet r = p.executeQuery()) {
                List<Due> out = new ArrayList<>();
                while (r.next()) {
                    out.add(new Due(WebhookTables.delivery(r), r.getBytes(10)));
                }
                return out;
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Records a successful attempt: the delivery is final, the subscription no longer failing.
     *
     * @param d          the delivery as it was when attempted
     * @param statusCode the receiver's 2xx
     * @param nowMs      now
     */
    public synchronized void delivered(WebhookDelivery d, int statusCode, long nowMs) {
        inTransaction(() -> {
            update("UPDATE server_webhook_deliveries SET status = 'delivered', attempts = attempts + 1, "
                    + "last_status_code = ?, last_error = NULL, updated_at_ms = ?, body = NULL "
                    + "WHERE subscription = ? AND event_id = ?", statusCode, nowMs, d.subscription(), d.eventId());
            update("UPDATE server_webhook_subscriptions SET failing_since_ms = 0 WHERE id = ?", d.subscription());
            return null;
        });
    }

    /**
     * Records a failed attempt: retried at {@code nextAttemptMs}, or dead; the subscription failing since now unless
     * it already was.
     *
     * @param d             the delivery as it was when attempted
     * @param status        {@link WebhookDeliveryStatus#FAILED} or {@link WebhookDeliveryStatus#DEAD}
     * @param nextAttemptMs when to try again
     * @param statusCode    the receiver's status, 0 for none
     * @param error         a fixed description
     * @param nowMs         now
     * @return the subscription's failing-since time after the update
     */
    public synchronized long failed(WebhookDelivery d, WebhookDeliveryStatus status, long nextAttemptMs,
                                    int statusCode, String error, long nowMs) {
        return inTransaction(() -> {
            update("UPDATE server_webhook_deliveries SET status = ?, attempts = attempts + 1, next_attempt_ms = ?, "
                    + "last_status_code = ?, last_error = ?, updated_at_ms = ? WHERE subscription = ? AND "
                    + "event_id = ? AND " + WAITING, status.wireName(), nextAttemptMs, statusCode, error, nowMs,
                    d.subscription(), d.eventId());
            update("UPDATE server_webhook_subscriptions SET failing_since_ms = ? WHERE id = ? "
                    + "AND failing_since_ms = 0", nowMs, d.subscription());
            WebhookSubscription s = subscription(d.subscription());
            return s == null ? 0L : s.failingSince();
        });
    }

    /**
     * Disables a subscription that has failed for too long.
     *
     * @param id the subscription id
     */
    public synchronized void disable(String id) {
        update("UPDATE server_webhook_subscriptions SET enabled = 0 WHERE id = ?", id);
    }

    /**
     * Deliveries of one subscription, newest event first.
     *
     * @param subscription the subscription id
     * @param status       only this status, or null for all
     * @param limit        the most to return
     * @return the deliveries
     */
    public synchronized List<WebhookDelivery> deliveries(String subscription, WebhookDeliveryStatus status,
                                                         int limit) {
        String sql = "SELECT " + DELIVERY_COLUMNS + " FROM server_webhook_deliveries WHERE subscription = ?"
                + (status == null ? "" : " AND status = ?") + " ORDER BY event_id DESC LIMIT ?";
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            int i = 1;
            p.setString(i++, subscription);
            if (status != null) {
                p.setString(i++, status.wireName());
            }
            p.setInt(i, limit);
            try (ResultSet r = p.executeQuery()) {
                List<WebhookDelivery> out = new ArrayList<>();
                while (r.next()) {
                    out.add(WebhookTables.delivery(r));
                }
                return out;
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Moves every cursor beyond {@code lastId} back to it: the journal restarted below them (an in-memory journal
     * after a restart), and events from there on would otherwise never be delivered.
     *
     * @param lastId the journal's last id
     * @return how many cursors moved
     */
    public synchronized int clampCursors(long lastId) {
        return update("UPDATE server_webhook_subscriptions SET cursor = ? WHERE cursor > ?", lastId, lastId);
    }

    /**
     * Forgets final deliveries last changed before {@code beforeMs}.
     *
     * @param beforeMs the cut-off
     * @return rows removed
     */
    public synchronized int prune(long beforeMs) {
        return update("DELETE FROM server_webhook_deliveries WHERE status IN ('delivered', 'dead') "
                + "AND updated_at_ms < ?", beforeMs);
    }

    /**
     * The metrics' figures.
     *
     * @return waiting deliveries, the oldest one's creation time, disabled subscriptions
     */
    public synchronized Stats stats() {
        try (PreparedStatement p = connection.prepareStatement("SELECT "
                + "(SELECT COUNT(*) FROM server_webhook_deliveries WHERE " + WAITING + "), "
                + "(SELECT COALESCE(MIN(created_at_ms), 0) FROM server_webhook_deliveries WHERE " + WAITING + "), "
                + "(SELECT COUNT(*) FROM server_webhook_subscriptions WHERE enabled = 0)");
             ResultSet r = p.executeQuery()) {
            r.next();
            return new Stats(r.getLong(1), r.getLong(2), r.getLong(3));
        } catch (SQLException e) {
            throw failed(e);
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


    private int update(String sql, Object... values) {
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                p.setObject(i + 1, values[i]);
            }
            return p.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Work that may throw SQLException. */
    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private <T> T inTransaction(SqlWork<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run();
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static IllegalStateException failed(SQLException e) {
        // The class only: a driver message may quote a value.
        return new IllegalStateException("webhook tables failed (" + e.getClass().getSimpleName() + ")", e);
    }
}
