package dev.callstack.modem.store;

import static dev.callstack.modem.store.StoreSql.millis;

import dev.callstack.core.IdempotencyConflictException;
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

    /**
     * The earlier message for this key recorded at or after {@code cutoff}; a conflict when the request differs. The
     * cutoff is in the query because expired keys are pruned only now and then ({@link #forgetBefore}): an expired
     * key still in the table must not match.
     */
    static OptionalLong earlier(StatementCache statements, String keyHash, String fingerprint, Instant cutoff)
            throws SQLException {
        PreparedStatement ps = statements.get(
                "SELECT fingerprint, message_id FROM outbox_idempotency WHERE key_hash = ? AND created_at >= ?");
        ps.setString(1, keyHash);
        ps.setLong(2, millis(cutoff));
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

    /** Records the key; replaces an expired record of the same key that was not pruned yet. */
    static void remember(StatementCache statements, String keyHash, String fingerprint, long messageId, Instant at)
            throws SQLException {
        PreparedStatement ps = statements.get("INSERT OR REPLACE INTO outbox_idempotency(key_hash, fingerprint,"
                + " message_id, created_at) VALUES (?, ?, ?, ?)");
        ps.setString(1, keyHash);
        ps.setString(2, fingerprint);
        ps.setLong(3, messageId);
        ps.setLong(4, millis(at));
        ps.executeUpdate();
    }

    static void forgetBefore(StatementCache statements, Instant cutoff) throws SQLException {
        PreparedStatement ps = statements.get("DELETE FROM outbox_idempotency WHERE created_at < ?");
        ps.setLong(1, millis(cutoff));
        ps.executeUpdate();
    }
}
