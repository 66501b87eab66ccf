package dev.callstack.modem.store;

import static dev.callstack.modem.store.StoreSql.millis;

import dev.callstack.core.OutboxPart;
import dev.callstack.core.OutboxStatus;
import dev.callstack.core.OutgoingSms;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a new message: its {@code sent_message} row (the id {@code SmsSent} and delivery reports carry), then its
 * {@code outbox} row; and says what a read of the new row gives ({@link #asStored}). Runs inside a
 * {@link StoreConnection} call. Stateless.
 */
final class OutboxInsert {
    private OutboxInsert() {
    }

    static long insert(StatementCache statements, NewOutboxMessage message) throws SQLException {
        OutgoingSms sms = message.sms();
        PreparedStatement sent = statements.get(
                "INSERT INTO sent_message(recipient, body, parts, created_at) VALUES (?, ?, ?, ?)");
        sent.setString(1, sms.to().value());
        sent.setString(2, sms.body());
        sent.setInt(3, message.parts());
        sent.setLong(4, millis(message.createdAt()));
        sent.executeUpdate();
        long id;
        try (ResultSet rs = statements.get("SELECT last_insert_rowid()").executeQuery()) {
            rs.next();
            id = rs.getLong(1);
        }
        PreparedStatement ps = statements.get("INSERT INTO outbox(message_id, direct, status, priority,"
                + " encoding, status_report, validity_ms, concat_ref, due_at, expires_at, retry_unknown, attempts)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        ps.setLong(1, id);
        ps.setInt(2, message.direct() ? 1 : 0);
        ps.setString(3, message.direct() ? OutboxStatus.SENDING.name() : OutboxStatus.QUEUED.name());
        ps.setInt(4, OutboxRows.priorityValue(message.priority()));
        ps.setString(5, sms.encoding().name());
        ps.setInt(6, sms.requestStatusReport() ? 1 : 0);
        if (sms.validity() == null) {
            ps.setNull(7, Types.INTEGER);
        } else {
            ps.setLong(7, sms.validity().toMillis());
        }
        ps.setInt(8, message.concatReference());
        ps.setLong(9, millis(message.dueAt()));
        ps.setLong(10, millis(message.expiresAt()));
        ps.setInt(11, message.retryUnknown() ? 1 : 0);
        ps.setInt(12, message.direct() ? 1 : 0);
        ps.executeUpdate();
        return id;
    }

    /**
     * The row {@link #insert} wrote for {@code message} under {@code id}, as {@link OutboxRows} would read it back:
     * times at the store's millisecond precision, no part sent yet, no attempt (one for a direct send).
     */
    static OutboxRow asStored(long id, NewOutboxMessage message) {
        OutgoingSms sms = message.sms();
        List<OutboxPart> parts = new ArrayList<>(message.parts());
        for (int part = 1; part <= message.parts(); part++) {
            parts.add(new OutboxPart(part, null, null));
        }
        Duration validity = sms.validity() == null ? null : Duration.ofMillis(sms.validity().toMillis());
        return new OutboxRow(id, sms.to().value(), sms.body(), sms.encoding(), sms.requestStatusReport(), validity,
                message.concatReference(), message.parts(),
                message.direct() ? OutboxStatus.SENDING : OutboxStatus.QUEUED, message.priority(), message.direct(),
                stored(message.dueAt()), stored(message.expiresAt()), message.retryUnknown(), message.direct() ? 1 : 0,
                null, parts, stored(message.createdAt()), null, null, null);
    }

    private static Instant stored(Instant instant) {
        return Instant.ofEpochMilli(millis(instant));
    }
}
