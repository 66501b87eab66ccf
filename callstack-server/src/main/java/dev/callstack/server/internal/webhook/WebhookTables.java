package dev.callstack.server.internal.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * The webhook tables' schema, column lists and row mapping, for {@link WebhookStore}: the one place that knows
 * which column sits where. Stateless.
 */
final class WebhookTables {
    private static final String SUBSCRIPTIONS = "CREATE TABLE IF NOT EXISTS server_webhook_subscriptions ("
            + "id TEXT PRIMARY KEY, url TEXT NOT NULL, events TEXT NOT NULL, content INTEGER NOT NULL, "
            + "secret TEXT NOT NULL, created_at_ms INTEGER NOT NULL, created_by INTEGER NOT NULL, "
            + "enabled INTEGER NOT NULL, failing_since_ms INTEGER NOT NULL, cursor INTEGER NOT NULL)";
    private static final String DELIVERIES = "CREATE TABLE IF NOT EXISTS server_webhook_deliveries ("
            + "subscription TEXT NOT NULL, event_id INTEGER NOT NULL, status TEXT NOT NULL, "
            + "attempts INTEGER NOT NULL, next_attempt_ms INTEGER NOT NULL, last_status_code INTEGER NOT NULL, "
            + "last_error TEXT, created_at_ms INTEGER NOT NULL, updated_at_ms INTEGER NOT NULL, body BLOB, "
            + "PRIMARY KEY (subscription, event_id))";
    private static final String DUE_INDEX = "CREATE INDEX IF NOT EXISTS server_webhook_deliveries_due "
            + "ON server_webhook_deliveries (status, next_attempt_ms)";
    static final String SUBSCRIPTION_COLUMNS = "id, url, events, content, secret, created_at_ms, created_by, "
            + "enabled, failing_since_ms, cursor";
    static final String DELIVERY_COLUMNS = "subscription, event_id, status, attempts, next_attempt_ms, "
            + "last_status_code, last_error, created_at_ms, updated_at_ms";
    /** Deliveries still to be attempted. */
    static final String WAITING = "status IN ('pending', 'failed')";

    private WebhookTables() {
    }

    /** Creates the tables and the due index when missing. */
    static void create(Statement s) throws SQLException {
        s.execute(SUBSCRIPTIONS);
        s.execute(DELIVERIES);
        s.execute(DUE_INDEX);
    }

    /** The subscription in a row read with {@link #SUBSCRIPTION_COLUMNS}. */
    static WebhookSubscription subscription(ResultSet r) throws SQLException {
        String events = r.getString(3);
        return new WebhookSubscription(r.getString(1), r.getString(2),
                events.isEmpty() ? List.of() : Arrays.asList(events.split(",")), r.getInt(4) == 1, r.getString(5),
                r.getLong(6), r.getInt(7), r.getInt(8) == 1, r.getLong(9), r.getLong(10));
    }

    /** The delivery in a row read with {@link #DELIVERY_COLUMNS} (first). */
    static WebhookDelivery delivery(ResultSet r) throws SQLException {
        return new WebhookDelivery(r.getString(1), r.getLong(2), WebhookDeliveryStatus.ofWire(r.getString(3)),
                r.getInt(4), r.getLong(5), r.getInt(6), r.getString(7), r.getLong(8), r.getLong(9));
    }
}
