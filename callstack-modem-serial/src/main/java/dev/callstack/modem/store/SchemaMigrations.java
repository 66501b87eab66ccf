package dev.callstack.modem.store;

import dev.callstack.core.store.MessageStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings a database to the newest schema, one recorded step at a time. Stateless. */
final class SchemaMigrations {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    /** The message store schema, oldest step first. */
    static final List<Migration> STEPS = List.of(
            new Migration(1, "messages, fingerprints, multipart parts, sent parts, delivery reports", List.of(
                    "CREATE TABLE inbound_message ("
                            + " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                            + " sender TEXT NOT NULL,"
                            + " body TEXT NOT NULL,"
                            + " received_at INTEGER NOT NULL,"
                            + " smsc_timestamp INTEGER,"
                            + " parts INTEGER NOT NULL,"
                            + " partial INTEGER NOT NULL)",
                    "CREATE TABLE seen_fingerprint ("
                            + " fingerprint TEXT PRIMARY KEY,"
                            + " seen_at INTEGER NOT NULL) WITHOUT ROWID",
                    "CREATE INDEX seen_fingerprint_seen_at ON seen_fingerprint(seen_at)",
                    "CREATE TABLE pending_part ("
                            + " sender TEXT NOT NULL,"
                            + " reference INTEGER NOT NULL,"
                            + " total INTEGER NOT NULL,"
                            + " sixteen_bit INTEGER NOT NULL,"
                            + " sequence INTEGER NOT NULL,"
                            + " text TEXT NOT NULL,"
                            + " smsc_timestamp INTEGER,"
                            + " received_at INTEGER NOT NULL,"
                            + " PRIMARY KEY (sender, reference, total, sixteen_bit, sequence))",
                    "CREATE INDEX pending_part_received_at ON pending_part(received_at)",
                    "CREATE TABLE sent_message ("
                            + " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                            + " recipient TEXT NOT NULL,"
                            + " body TEXT NOT NULL,"
                            + " parts INTEGER NOT NULL,"
                            + " created_at INTEGER NOT NULL)",
                    "CREATE TABLE sent_part ("
                            + " message_id INTEGER NOT NULL REFERENCES sent_message(id) ON DELETE CASCADE,"
                            + " part INTEGER NOT NULL,"
                            + " reference INTEGER NOT NULL,"
                            + " sent_at INTEGER NOT NULL,"
                            + " status TEXT NOT NULL,"
                            + " raw_status INTEGER NOT NULL,"
                            + " status_at INTEGER,"
                            + " PRIMARY KEY (message_id, part))",
                    "CREATE INDEX sent_part_reference ON sent_part(reference, sent_at)",
                    "CREATE TABLE delivery_report ("
                            + " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                            + " reference INTEGER NOT NULL,"
                            + " recipient TEXT NOT NULL,"
                            + " status TEXT NOT NULL,"
                            + " raw_status INTEGER NOT NULL,"
                            + " received_at INTEGER NOT NULL,"
                            + " message_id INTEGER REFERENCES sent_message(id) ON DELETE SET NULL,"
                            + " part INTEGER)")),
            // Undecodable PDUs used to stay on the SIM (and fill it); they are kept here so the slot can be freed.
            new Migration(2, "undecodable PDUs", List.of(
                    "CREATE TABLE undecodable_pdu ("
                            + " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                            + " storage TEXT NOT NULL,"
                            + " slot INTEGER NOT NULL,"
                            + " pdu_hex TEXT NOT NULL,"
                            + " reason TEXT NOT NULL,"
                            + " seen_at INTEGER NOT NULL)",
                    "CREATE INDEX undecodable_pdu_seen_at ON undecodable_pdu(seen_at)")),
            // The outbox: one row per sent_message (same id), so queued, direct, sent and delivered share one id.
            // No body and no key in clear here: the body stays in sent_message, keys and requests are SHA-256.
            new Migration(3, "outbox state and idempotency keys", List.of(
                    "CREATE TABLE outbox ("
                            + " message_id INTEGER PRIMARY KEY REFERENCES sent_message(id) ON DELETE CASCADE,"
                            + " direct INTEGER NOT NULL,"
                            + " status TEXT NOT NULL,"
                            + " priority INTEGER NOT NULL,"
                            + " encoding TEXT NOT NULL,"
                            + " status_report INTEGER NOT NULL,"
                            + " validity_ms INTEGER,"
                            + " concat_ref INTEGER NOT NULL,"
                            + " due_at INTEGER NOT NULL,"
                            + " expires_at INTEGER NOT NULL,"
                            + " retry_unknown INTEGER NOT NULL,"
                            + " attempts INTEGER NOT NULL,"
                            + " in_flight_part INTEGER,"
                            + " sent_at INTEGER,"
                            + " delivered_at INTEGER,"
                            + " error TEXT)",
                    "CREATE INDEX outbox_queue ON outbox(status, priority DESC, due_at, message_id)",
                    "CREATE TABLE outbox_idempotency ("
                            + " key_hash TEXT PRIMARY KEY,"
                            + " fingerprint TEXT NOT NULL,"
                            + " message_id INTEGER NOT NULL REFERENCES sent_message(id) ON DELETE CASCADE,"
                            + " created_at INTEGER NOT NULL) WITHOUT ROWID",
                    "CREATE INDEX outbox_idempotency_created_at ON outbox_idempotency(created_at)")));

    private SchemaMigrations() {
    }

    static int latestVersion(List<Migration> steps) {
        return steps.isEmpty() ? 0 : steps.get(steps.size() - 1).version();
    }

    /** Applies every step newer than the recorded version; each step and its version row commit together. */
    static void migrate(Connection connection, List<Migration> steps) throws SQLException {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migration steps must be numbered 1, 2, 3, ...");
            }
        }
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                    + " version INTEGER PRIMARY KEY,"
                    + " description TEXT NOT NULL,"
                    + " applied_at INTEGER NOT NULL)");
        }
        int current = currentVersion(connection);
        int latest = latestVersion(steps);
        if (current > latest) {
            throw new MessageStoreException("database schema version " + current
                    + " is newer than this Callstack understands (" + latest + ")");
        }
        for (Migration step : steps) {
            if (step.version() <= current) {
                continue;
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement();
                 PreparedStatement version = connection.prepareStatement(
                         "INSERT INTO schema_version(version, description, applied_at) VALUES (?, ?, ?)")) {
                for (String sql : step.statements()) {
                    s.execute(sql);
                }
                version.setInt(1, step.version());
                version.setString(2, step.description());
                version.setLong(3, System.currentTimeMillis());
                version.executeUpdate();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            LOG.info("Applied message store schema step {} ({})", step.version(), step.description());
        }
    }

    static int currentVersion(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
