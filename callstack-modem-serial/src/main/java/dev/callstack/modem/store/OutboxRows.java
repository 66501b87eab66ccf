package dev.callstack.modem.store;

import static dev.callstack.modem.store.StoreSql.instantOrNull;
import static dev.callstack.modem.store.StoreSql.millis;

import dev.callstack.core.OutboxPart;
import dev.callstack.core.OutboxPriority;
import dev.callstack.core.OutboxStatus;
import dev.callstack.core.SmsEncoding;
import dev.callstack.core.event.DeliveryStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads outbox rows (the {@code outbox} table joined with {@code sent_message} and its {@code sent_part}s) and
 * moves a message's status when a delivery report arrives. Runs inside a {@link StoreConnection} call. Stateless.
 */
final class OutboxRows {
    /** The columns {@link #row} reads, in its order. */
    static final String SELECT = "SELECT m.id, m.recipient, m.body, m.parts, m.created_at, o.direct, o.status,"
            + " o.priority, o.encoding, o.status_report, o.validity_ms, o.concat_ref, o.due_at, o.expires_at,"
            + " o.retry_unknown, o.attempts, o.in_flight_part, o.sent_at, o.delivered_at, o.error"
            + " FROM outbox o JOIN sent_message m ON m.id = o.message_id";
    /** Rows whose content was erased for retention have no recipient left and are not shown. */
    static final String NOT_ERASED = " m.recipient <> ''";
    private static final String SELECT_ONE = SELECT + " WHERE o.message_id = ? AND" + NOT_ERASED;
    private static final String SELECT_PARTS = "SELECT part, reference, status FROM sent_part WHERE message_id = ?";

    private OutboxRows() {
    }

    static int priorityValue(OutboxPriority priority) {
        return priority == OutboxPriority.HIGH ? 1 : 0;
    }

    static Optional<OutboxRow> find(Connection c, long messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_ONE)) {
            return one(ps, messageId, (id, parts) -> parts(c, id, parts));
        }
    }

    /** {@link #find(Connection, long)} with the connection's cached statements (the enqueue path). */
    static Optional<OutboxRow> find(StatementCache statements, long messageId) throws SQLException {
        return one(statements.get(SELECT_ONE), messageId,
                (id, parts) -> parts(statements.get(SELECT_PARTS), id, parts));
    }

    private static Optional<OutboxRow> one(PreparedStatement ps, long messageId, Parts parts) throws SQLException {
        ps.setLong(1, messageId);
        List<OutboxRow> rows = rows(ps, parts);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Runs {@code ps} (a {@link #SELECT}) and loads each row's parts. */
    static List<OutboxRow> rows(Connection c, PreparedStatement ps) throws SQLException {
        return rows(ps, (id, parts) -> parts(c, id, parts));
    }

    private static List<OutboxRow> rows(PreparedStatement ps, Parts parts) throws SQLException {
        List<OutboxRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(row(rs, parts));
            }
        }
        return out;
    }

    /** Loads a message's parts. */
    @FunctionalInterface
    private interface Parts {
        List<OutboxPart> of(long messageId, int parts) throws SQLException;
    }

    private static OutboxRow row(ResultSet rs, Parts partsOf) throws SQLException {
        long id = rs.getLong(1);
        int parts = rs.getInt(4);
        long validity = rs.getLong(11);
        Duration validityPeriod = rs.wasNull() ? null : Duration.ofMillis(validity);
        int inFlight = rs.getInt(17);
        Integer inFlightPart = rs.wasNull() ? null : inFlight;
        return new OutboxRow(id, rs.getString(2), rs.getString(3), SmsEncoding.valueOf(rs.getString(9)),
                rs.getInt(10) != 0, validityPeriod, rs.getInt(12), parts, OutboxStatus.valueOf(rs.getString(7)),
                rs.getInt(8) == 1 ? OutboxPriority.HIGH : OutboxPriority.NORMAL, rs.getInt(6) != 0,
                Instant.ofEpochMilli(rs.getLong(13)), Instant.ofEpochMilli(rs.getLong(14)), rs.getInt(15) != 0,
                rs.getInt(16), inFlightPart, partsOf.of(id, parts), Instant.ofEpochMilli(rs.getLong(5)),
                instantOrNull(rs, 18), instantOrNull(rs, 19), rs.getString(20));
    }

    private static List<OutboxPart> parts(Connection c, long messageId, int parts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_PARTS)) {
            return parts(ps, messageId, parts);
        }
    }

    private static List<OutboxPart> parts(PreparedStatement ps, long messageId, int parts) throws SQLException {
        Map<Integer, OutboxPart> byPart = new HashMap<>();
        ps.setLong(1, messageId);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int part = rs.getInt(1);
                byPart.put(part, new OutboxPart(part, rs.getInt(2), DeliveryStatus.valueOf(rs.getString(3))));
            }
        }
        List<OutboxPart> out = new ArrayList<>(parts);
        for (int part = 1; part <= parts; part++) {
            OutboxPart p = byPart.get(part);
            out.add(p != null ? p : new OutboxPart(part, null, null));
        }
        return out;
    }

    /**
     * After a correlated report updated its part: a failed part fails a sent message; every part delivered makes it
     * delivered. Only {@code SENT} (and, for a late failure, {@code DELIVERED}) messages move: the dispatcher owns the
     * others, and it looks at the parts itself when it marks the last part sent.
     */
    static void afterReport(Connection c, long messageId, DeliveryStatus status, Instant at) throws SQLException {
        if (status == DeliveryStatus.FAILED) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET status = 'FAILED',"
                    + " error = 'the network reported the delivery failed'"
                    + " WHERE message_id = ? AND status IN ('SENT', 'DELIVERED')")) {
                ps.setLong(1, messageId);
                ps.executeUpdate();
            }
        } else if (status == DeliveryStatus.DELIVERED) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET status = 'DELIVERED', delivered_at = ?"
                    + " WHERE message_id = ? AND status = 'SENT' AND (SELECT COUNT(*) FROM sent_part p"
                    + " WHERE p.message_id = ? AND p.status = 'DELIVERED')"
                    + " = (SELECT parts FROM sent_message WHERE id = ?)")) {
                ps.setLong(1, millis(at));
                ps.setLong(2, messageId);
                ps.setLong(3, messageId);
                ps.setLong(4, messageId);
                ps.executeUpdate();
            }
        }
    }

    /** The state a message takes when its last part was accepted, given the reports that may already be in. */
    static OutboxStatus statusWhenAllSent(Connection c, long messageId, int parts) throws SQLException {
        int delivered = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT status FROM sent_part WHERE message_id = ?")) {
            ps.setLong(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    DeliveryStatus s = DeliveryStatus.valueOf(rs.getString(1));
                    if (s == DeliveryStatus.FAILED) {
                        return OutboxStatus.FAILED;
                    }
                    if (s == DeliveryStatus.DELIVERED) {
                        delivered++;
                    }
                }
            }
        }
        return delivered == parts ? OutboxStatus.DELIVERED : OutboxStatus.SENT;
    }
}
