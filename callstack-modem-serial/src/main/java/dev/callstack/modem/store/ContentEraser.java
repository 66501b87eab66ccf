package dev.callstack.modem.store;

import static dev.callstack.modem.store.StoreSql.millis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Erases message content older than a cutoff, for data retention: bodies, phone numbers and the hex of undecodable
 * PDUs become empty strings,
 * while rows, ids, timestamps, part counts and delivery states stay, so listings, counts and quotas keep working.
 * Parts of a multipart message still waiting for their group are deleted (their key is the sender); by then the
 * group is long past its reassembly timeout.
 *
 * <p>Thread-safe: every call is one {@link StoreConnection} transaction.
 */
final class ContentEraser {
    /** Each statement takes the cutoff in epoch milliseconds and skips rows already erased. */
    private static final List<String> ERASE = List.of(
            "UPDATE inbound_message SET sender = '', body = ''"
                    + " WHERE received_at < ? AND (sender <> '' OR body <> '')",
            "DELETE FROM pending_part WHERE received_at < ?",
            "UPDATE sent_message SET recipient = '', body = ''"
                    + " WHERE created_at < ? AND (recipient <> '' OR body <> '')",
            "UPDATE delivery_report SET recipient = '' WHERE received_at < ? AND recipient <> ''",
            // An undecodable PDU's hex holds its sender and text: content like a body.
            "UPDATE undecodable_pdu SET pdu_hex = '' WHERE seen_at < ? AND pdu_hex <> ''");

    private final StoreConnection db;

    ContentEraser(StoreConnection db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    int eraseBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return db.write("erase old message content", c -> erase(c, millis(cutoff)));
    }

    private static int erase(Connection c, long cutoffMillis) throws SQLException {
        int erased = 0;
        for (String sql : ERASE) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, cutoffMillis);
                erased += ps.executeUpdate();
            }
        }
        return erased;
    }
}
