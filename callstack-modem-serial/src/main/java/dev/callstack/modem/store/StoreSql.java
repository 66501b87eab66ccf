package dev.callstack.modem.store;

import dev.callstack.core.store.MessageStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;

/** Statement helpers shared by {@link InboundRecords} and {@link OutboundRecords}. Stateless. */
final class StoreSql {
    private StoreSql() {
    }

    /** Records {@code fingerprint}; false when it was already there (the message is a duplicate). */
    static boolean recordFingerprint(Connection c, String fingerprint, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT OR IGNORE INTO seen_fingerprint(fingerprint, seen_at) VALUES (?, ?)")) {
            ps.setString(1, fingerprint);
            ps.setLong(2, millis(at));
            return ps.executeUpdate() == 1;
        }
    }

    static long lastId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void checkLimit(int limit) {
        if (limit < 1 || limit > MessageStore.MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1.." + MessageStore.MAX_PAGE);
        }
    }

    /** Epoch milliseconds, saturating so {@code Instant.MAX}/{@code MIN} work as "everything" bounds. */
    static long millis(Instant instant) {
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException e) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    static void setInstantOrNull(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, millis(value));
        }
    }

    static Instant instantOrNull(ResultSet rs, int index) throws SQLException {
        long value = rs.getLong(index);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}
