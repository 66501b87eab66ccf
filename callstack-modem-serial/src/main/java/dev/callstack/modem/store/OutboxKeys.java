package dev.callstack.modem.store;

import static dev.callstack.modem.store.StoreSql.millis;

import dev.callstack.core.IdempotencyConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * The outbox's idempotency records ({@code outbox_idempotency}): hashed key, request fingerprint, the message it
 * committed. Runs inside a {@link StoreConnection} call. Stateless.
 */
final class OutboxKeys {
    private OutboxKeys() {
    }

    /** The earlier message for this key within the window; a conflict when the request differs. */
    static OptionalLong earlier(Connection c, String keyHash, String fingerprint) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT fingerprint, message_id FROM outbox_idempotency WHERE key_hash = ?")) {
            ps.setString(1, keyHash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return OptionalLong.empty();
                }
                if (!fingerprint.equals(rs.getString(1))) {
                    throw new IdempotencyConflictException("idempotency key reused with a different request");
                }
                return OptionalLong.of(rs.getLong(2));
            }
        }
    }

    static void remember(Connection c, String keyHash, String fingerprint, long messageId, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_idempotency(key_hash, fingerprint,"
                + " message_id, created_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, keyHash);
            ps.setString(2, fingerprint);
            ps.setLong(3, messageId);
            ps.setLong(4, millis(at));
            ps.executeUpdate();
        }
    }

    static void forgetBefore(Connection c, Instant cutoff) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox_idempotency WHERE created_at < ?")) {
            ps.setLong(1, millis(cutoff));
            ps.executeUpdate();
        }
    }
}
