package dev.callstack.modem.store;

import static dev.callstack.modem.store.StoreSql.checkLimit;
import static dev.callstack.modem.store.StoreSql.millis;
import static dev.callstack.modem.store.StoreSql.recordFingerprint;

import dev.callstack.core.store.UndecodablePdu;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The undecodable-PDU half of {@link SqliteMessageStore}: raw PDUs that did not decode, kept with their reason so
 * the modem's slot can be freed (schema step 2).
 *
 * <p>Thread-safe: every call is one {@link StoreConnection} transaction.
 */
final class UndecodableRecords {
    private final StoreConnection db;

    UndecodableRecords(StoreConnection db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    boolean store(String fingerprint, UndecodablePdu pdu) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(pdu, "pdu");
        return db.write("keep an undecodable PDU", c -> {
            if (!recordFingerprint(c, fingerprint, pdu.seenAt())) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO undecodable_pdu(storage, slot, pdu_hex,"
                    + " reason, seen_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, pdu.storage());
                ps.setInt(2, pdu.index());
                ps.setString(3, pdu.pduHex());
                ps.setString(4, pdu.reason());
                ps.setLong(5, millis(pdu.seenAt()));
                ps.executeUpdate();
            }
            return true;
        });
    }

    List<UndecodablePdu> newest(int limit) {
        checkLimit(limit);
        return db.read("list undecodable PDUs", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT storage, slot, pdu_hex, reason, seen_at"
                    + " FROM undecodable_pdu ORDER BY id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                List<UndecodablePdu> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new UndecodablePdu(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                                Instant.ofEpochMilli(rs.getLong(5))));
                    }
                }
                return out;
            }
        });
    }
}
