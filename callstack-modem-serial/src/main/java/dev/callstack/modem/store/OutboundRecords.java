package dev.callstack.modem.store;

import static dev.callstack.modem.store.StoreSql.checkLimit;
import static dev.callstack.modem.store.StoreSql.lastId;
import static dev.callstack.modem.store.StoreSql.millis;
import static dev.callstack.modem.store.StoreSql.recordFingerprint;

import dev.callstack.core.StoredDeliveryReport;
import dev.callstack.core.event.DeliveryStatus;
import dev.callstack.core.store.DeliveryReportRecord;
import dev.callstack.core.store.OutboundMessage;
import dev.callstack.core.store.Recipients;
import dev.callstack.core.store.SentMessage;
import dev.callstack.core.store.SentPart;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The outbound half of {@link SqliteMessageStore}: sent messages, the parts the modem took (with their TP-MR for
 * correlation), and the delivery reports that update those parts.
 *
 * <p>Thread-safe: every call is one {@link StoreConnection} transaction.
 */
final class OutboundRecords {
    /** TP-MR wraps every 256 messages; older candidates than that cannot be the one a report is about. */
    private static final int CORRELATION_CANDIDATES = 256;
    /** The columns {@link #sentPart(ResultSet)} reads, in its order. */
    private static final String SENT_PART_SELECT = "SELECT p.message_id, p.part, p.reference, m.recipient,"
            + " p.sent_at, p.status, p.raw_status FROM sent_part p JOIN sent_message m ON m.id = p.message_id";

    private final StoreConnection db;

    OutboundRecords(StoreConnection db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    long insertSent(OutboundMessage message) {
        Objects.requireNonNull(message, "message");
        return db.write("store a sent message", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO sent_message(recipient, body, parts, created_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, message.recipient());
                ps.setString(2, message.body());
                ps.setInt(3, message.parts());
                ps.setLong(4, millis(message.createdAt()));
                ps.executeUpdate();
            }
            return lastId(c);
        });
    }

    void recordSentPart(long messageId, int part, int reference, Instant sentAt) {
        Objects.requireNonNull(sentAt, "sentAt");
        if (part < 1 || part > 255 || reference < 0 || reference > 255) {
            throw new IllegalArgumentException("part 1..255, reference 0..255");
        }
        db.write("record a sent part", c -> {
            insertPart(c, messageId, part, reference, sentAt);
            return null;
        });
    }

    /** The part's TP-MR, status PENDING; inside the caller's transaction. */
    static void insertPart(Connection c, long messageId, int part, int reference, Instant sentAt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO sent_part(message_id, part,"
                + " reference, sent_at, status, raw_status) VALUES (?, ?, ?, ?, ?, -1)")) {
            ps.setLong(1, messageId);
            ps.setInt(2, part);
            ps.setInt(3, reference);
            ps.setLong(4, millis(sentAt));
            ps.setString(5, DeliveryStatus.PENDING.name());
            ps.executeUpdate();
        }
    }

    Optional<SentPart> findSentPart(int reference, String recipient) {
        Objects.requireNonNull(recipient, "recipient");
        return db.read("correlate a delivery report", c -> {
            try (PreparedStatement ps = c.prepareStatement(SENT_PART_SELECT
                    + " WHERE p.reference = ? ORDER BY p.sent_at DESC, p.message_id DESC, p.part DESC LIMIT ?")) {
                ps.setInt(1, reference);
                ps.setInt(2, CORRELATION_CANDIDATES);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        SentPart candidate = sentPart(rs);
                        if (Recipients.sameRecipient(candidate.recipient(), recipient)) {
                            return Optional.of(candidate);
                        }
                    }
                }
                return Optional.empty();
            }
        });
    }

    Optional<SentMessage> sent(long messageId) {
        return db.read("load a sent message", c -> {
            String recipient;
            String body;
            int parts;
            Instant createdAt;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT recipient, body, parts, created_at FROM sent_message WHERE id = ?")) {
                ps.setLong(1, messageId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    recipient = rs.getString(1);
                    body = rs.getString(2);
                    parts = rs.getInt(3);
                    createdAt = Instant.ofEpochMilli(rs.getLong(4));
                }
            }
            List<SentPart> sentParts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SENT_PART_SELECT
                    + " WHERE p.message_id = ? ORDER BY p.part")) {
                ps.setLong(1, messageId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sentParts.add(sentPart(rs));
                    }
                }
            }
            return Optional.of(new SentMessage(messageId, recipient, body, parts, createdAt, sentParts));
        });
    }

    OptionalLong storeDeliveryReport(String fingerprint, DeliveryReportRecord report) {
        Objects.requireNonNull(report, "report");
        return db.write("store a delivery report", c -> {
            if (fingerprint != null && !recordFingerprint(c, fingerprint, report.receivedAt())) {
                return OptionalLong.empty();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO delivery_report(reference, recipient,"
                    + " status, raw_status, received_at, message_id, part) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setInt(1, report.reference());
                ps.setString(2, report.recipient());
                ps.setString(3, report.status().name());
                ps.setInt(4, report.rawStatus());
                ps.setLong(5, millis(report.receivedAt()));
                if (report.messageId() == null) {
                    ps.setNull(6, Types.INTEGER);
                    ps.setNull(7, Types.INTEGER);
                } else {
                    ps.setLong(6, report.messageId());
                    ps.setInt(7, report.part());
                }
                ps.executeUpdate();
            }
            long id = lastId(c);
            if (report.messageId() != null && updatesPartStatus(report.status())) {
                // A late "still trying" must not undo a final outcome that arrived first.
                try (PreparedStatement ps = c.prepareStatement("UPDATE sent_part SET status = ?, raw_status = ?,"
                        + " status_at = ? WHERE message_id = ? AND part = ? AND (status = ? OR ? <> ?)")) {
                    ps.setString(1, report.status().name());
                    ps.setInt(2, report.rawStatus());
                    ps.setLong(3, millis(report.receivedAt()));
                    ps.setLong(4, report.messageId());
                    ps.setInt(5, report.part());
                    ps.setString(6, DeliveryStatus.PENDING.name());
                    ps.setString(7, report.status().name());
                    ps.setString(8, DeliveryStatus.PENDING.name());
                    ps.executeUpdate();
                }
                OutboxRows.afterReport(c, report.messageId(), report.status(), report.receivedAt());
            }
            return OptionalLong.of(id);
        });
    }

    List<StoredDeliveryReport> deliveryReports(int limit) {
        checkLimit(limit);
        return db.read("list delivery reports", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, reference, recipient, status, raw_status,"
                    + " received_at, message_id FROM delivery_report ORDER BY id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                List<StoredDeliveryReport> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long messageId = rs.getLong(7);
                        Long correlated = rs.wasNull() ? null : messageId;
                        out.add(new StoredDeliveryReport(rs.getLong(1), rs.getInt(2), rs.getString(3),
                                DeliveryStatus.valueOf(rs.getString(4)), rs.getInt(5),
                                Instant.ofEpochMilli(rs.getLong(6)), correlated));
                    }
                }
                return out;
            }
        });
    }

    /**
     * A report whose status is UNKNOWN (no TP-ST given) says nothing about the part: it is kept in the report
     * list, but it must neither turn a DELIVERED/FAILED part back into an open one nor hide that it is pending.
     */
    private static boolean updatesPartStatus(DeliveryStatus status) {
        return status != DeliveryStatus.UNKNOWN;
    }

    private static SentPart sentPart(ResultSet rs) throws SQLException {
        return new SentPart(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)), DeliveryStatus.valueOf(rs.getString(6)), rs.getInt(7));
    }
}
