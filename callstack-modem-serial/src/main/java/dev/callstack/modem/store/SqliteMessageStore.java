package dev.callstack.modem.store;

import dev.callstack.core.StoredDeliveryReport;
import dev.callstack.core.StoredSms;
import dev.callstack.core.event.DeliveryStatus;
import dev.callstack.core.store.DeliveryReportRecord;
import dev.callstack.core.store.InboundMessage;
import dev.callstack.core.store.MessageStore;
import dev.callstack.core.store.MessageStoreException;
import dev.callstack.core.store.OutboundMessage;
import dev.callstack.core.store.PartGroupKey;
import dev.callstack.core.store.PendingGroup;
import dev.callstack.core.store.PendingPart;
import dev.callstack.core.store.Recipients;
import dev.callstack.core.store.SentMessage;
import dev.callstack.core.store.SentPart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MessageStore} on SQLite (sqlite-jdbc): one connection, WAL journal with {@code synchronous=FULL} so a
 * committed write survives a crash or power loss, schema brought up to date by {@link SchemaMigrations} on open.
 * Times are stored as epoch milliseconds.
 *
 * <p>Thread-safe: every call holds one lock for its whole transaction.
 */
public final class SqliteMessageStore implements MessageStore {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteMessageStore.class);
    /** TP-MR wraps every 256 messages; older candidates than that cannot be the one a report is about. */
    private static final int CORRELATION_CANDIDATES = 256;
    /** Open groups with their first arrival and part count; a HAVING clause follows. */
    private static final String GROUP_SELECT = "SELECT sender, reference, total, sixteen_bit,"
            + " MIN(received_at) AS first_at, COUNT(*) FROM pending_part GROUP BY sender, reference, total, sixteen_bit";
    private static final String GROUP_WHERE = "sender = ? AND reference = ? AND total = ? AND sixteen_bit = ?";
    /** The columns {@link #sentPart(ResultSet)} reads, in its order. */
    private static final String SENT_PART_SELECT = "SELECT p.message_id, p.part, p.reference, m.recipient,"
            + " p.sent_at, p.status, p.raw_status FROM sent_part p JOIN sent_message m ON m.id = p.message_id";

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;

    private SqliteMessageStore(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /** Opens (creating if needed) the database file and migrates it to the current schema. */
    public static SqliteMessageStore open(Path file) {
        Objects.requireNonNull(file, "file");
        Path absolute = file.toAbsolutePath();
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new MessageStoreException("cannot create the message store directory", e);
        }
        return connect("jdbc:sqlite:" + absolute, true);
    }

    /** A private in-memory database, gone on {@link #close()}: for tests and for running without a file. */
    public static SqliteMessageStore inMemory() {
        return connect("jdbc:sqlite::memory:", false);
    }

    private static SqliteMessageStore connect(String url, boolean file) {
        Connection connection = null;
        try {
            connection = DriverManager.getConnection(url);
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
                if (file) {
                    s.execute("PRAGMA journal_mode = WAL");
                }
                s.execute("PRAGMA synchronous = FULL");
                s.execute("PRAGMA foreign_keys = ON");
            }
            SchemaMigrations.migrate(connection, SchemaMigrations.STEPS);
            LOG.debug("Message store open ({}), schema version {}", file ? "file" : "in memory",
                    SchemaMigrations.currentVersion(connection));
            return new SqliteMessageStore(connection);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            if (e instanceof MessageStoreException mse) {
                throw mse;
            }
            throw new MessageStoreException("cannot open the message store: " + e.getClass().getSimpleName(), e);
        }
    }

    // ---- inbound ------------------------------------------------------------------------------------------

    @Override
    public OptionalLong storeReceived(String fingerprint, InboundMessage message) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(message, "message");
        return write("store a received message", c -> {
            if (!recordFingerprint(c, fingerprint, message.receivedAt())) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(insertInbound(c, message));
        });
    }

    @Override
    public List<StoredSms> received(int limit, OptionalLong beforeId) {
        checkLimit(limit);
        Objects.requireNonNull(beforeId, "beforeId");
        return read("list received messages", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, sender, body, received_at, smsc_timestamp,"
                    + " parts, partial FROM inbound_message WHERE id < ? ORDER BY id DESC LIMIT ?")) {
                ps.setLong(1, beforeId.orElse(Long.MAX_VALUE));
                ps.setInt(2, limit);
                List<StoredSms> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredSms(rs.getLong(1), rs.getString(2), rs.getString(3),
                                Instant.ofEpochMilli(rs.getLong(4)), instantOrNull(rs, 5), rs.getInt(6),
                                rs.getInt(7) != 0));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public boolean seen(String fingerprint) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        return read("check a fingerprint", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM seen_fingerprint WHERE fingerprint = ?")) {
                ps.setString(1, fingerprint);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    @Override
    public boolean markSeen(String fingerprint, Instant at) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(at, "at");
        return write("record a fingerprint", c -> recordFingerprint(c, fingerprint, at));
    }

    @Override
    public int pruneFingerprints(Instant before) {
        Objects.requireNonNull(before, "before");
        return write("prune fingerprints", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM seen_fingerprint WHERE seen_at < ?")) {
                ps.setLong(1, millis(before));
                return ps.executeUpdate();
            }
        });
    }

    // ---- multipart ----------------------------------------------------------------------------------------

    @Override
    public Optional<List<PendingPart>> addPart(String fingerprint, PendingPart part) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(part, "part");
        return write("store a message part", c -> {
            if (!recordFingerprint(c, fingerprint, part.receivedAt())) {
                return Optional.empty();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO pending_part(sender, reference,"
                    + " total, sixteen_bit, sequence, text, smsc_timestamp, received_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                bindGroup(ps, part.group());
                ps.setInt(5, part.sequence());
                ps.setString(6, part.text());
                setInstantOrNull(ps, 7, part.smscTimestamp());
                ps.setLong(8, millis(part.receivedAt()));
                ps.executeUpdate();
            }
            return Optional.of(loadParts(c, part.group()));
        });
    }

    @Override
    public List<PendingPart> parts(PartGroupKey group) {
        Objects.requireNonNull(group, "group");
        return read("load message parts", c -> loadParts(c, group));
    }

    @Override
    public OptionalLong completeGroup(PartGroupKey group, InboundMessage message) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(message, "message");
        return write("complete a multipart message", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM pending_part WHERE " + GROUP_WHERE)) {
                bindGroup(ps, group);
                if (ps.executeUpdate() == 0) {
                    return OptionalLong.empty();
                }
            }
            return OptionalLong.of(insertInbound(c, message));
        });
    }

    @Override
    public List<PendingGroup> pendingGroups(Instant firstPartBefore, int limit) {
        Objects.requireNonNull(firstPartBefore, "firstPartBefore");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return read("list pending multipart groups", c -> {
            try (PreparedStatement ps = c.prepareStatement(GROUP_SELECT + " HAVING first_at < ?"
                    + " ORDER BY first_at, sender, reference LIMIT ?")) {
                ps.setLong(1, millis(firstPartBefore));
                ps.setInt(2, limit);
                return pendingGroups(ps);
            }
        });
    }

    @Override
    public List<PendingGroup> fullGroups(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return read("list complete multipart groups", c -> {
            try (PreparedStatement ps = c.prepareStatement(GROUP_SELECT + " HAVING COUNT(*) >= total"
                    + " ORDER BY first_at, sender, reference LIMIT ?")) {
                ps.setInt(1, limit);
                return pendingGroups(ps);
            }
        });
    }

    private static List<PendingGroup> pendingGroups(PreparedStatement ps) throws SQLException {
        List<PendingGroup> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                PartGroupKey key = new PartGroupKey(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4) != 0);
                out.add(new PendingGroup(key, Instant.ofEpochMilli(rs.getLong(5)), rs.getInt(6)));
            }
        }
        return out;
    }

    @Override
    public int openGroupCount() {
        return read("count pending multipart groups", c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM (SELECT 1 FROM pending_part"
                         + " GROUP BY sender, reference, total, sixteen_bit)")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    // ---- sent ---------------------------------------------------------------------------------------------

    @Override
    public long insertSent(OutboundMessage message) {
        Objects.requireNonNull(message, "message");
        return write("store a sent message", c -> {
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

    @Override
    public void recordSentPart(long messageId, int part, int reference, Instant sentAt) {
        Objects.requireNonNull(sentAt, "sentAt");
        if (part < 1 || part > 255 || reference < 0 || reference > 255) {
            throw new IllegalArgumentException("part 1..255, reference 0..255");
        }
        write("record a sent part", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO sent_part(message_id, part,"
                    + " reference, sent_at, status, raw_status) VALUES (?, ?, ?, ?, ?, -1)")) {
                ps.setLong(1, messageId);
                ps.setInt(2, part);
                ps.setInt(3, reference);
                ps.setLong(4, millis(sentAt));
                ps.setString(5, DeliveryStatus.PENDING.name());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<SentPart> findSentPart(int reference, String recipient) {
        Objects.requireNonNull(recipient, "recipient");
        return read("correlate a delivery report", c -> {
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

    @Override
    public Optional<SentMessage> sent(long messageId) {
        return read("load a sent message", c -> {
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

    // ---- delivery reports ---------------------------------------------------------------------------------

    @Override
    public OptionalLong storeDeliveryReport(String fingerprint, DeliveryReportRecord report) {
        Objects.requireNonNull(report, "report");
        return write("store a delivery report", c -> {
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
            }
            return OptionalLong.of(id);
        });
    }

    @Override
    public List<StoredDeliveryReport> deliveryReports(int limit) {
        checkLimit(limit);
        return read("list delivery reports", c -> {
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

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            connection.close();
        } catch (SQLException e) {
            throw new MessageStoreException("closing the message store failed", e);
        } finally {
            lock.unlock();
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T write(String what, SqlWork<T> work) {
        lock.lock();
        try {
            checkOpen();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new MessageStoreException("could not " + what + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private <T> T read(String what, SqlWork<T> work) {
        lock.lock();
        try {
            checkOpen();
            return work.run(connection);
        } catch (SQLException e) {
            throw new MessageStoreException("could not " + what + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new MessageStoreException("the message store is closed");
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warn("Message store rollback failed: {}", e.getClass().getSimpleName());
        }
    }

    private static boolean recordFingerprint(Connection c, String fingerprint, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT OR IGNORE INTO seen_fingerprint(fingerprint, seen_at) VALUES (?, ?)")) {
            ps.setString(1, fingerprint);
            ps.setLong(2, millis(at));
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * A report whose status is UNKNOWN (no TP-ST given) says nothing about the part: it is kept in the report
     * list, but it must neither turn a DELIVERED/FAILED part back into an open one nor hide that it is pending.
     */
    private static boolean updatesPartStatus(DeliveryStatus status) {
        return status != DeliveryStatus.UNKNOWN;
    }

    private static long insertInbound(Connection c, InboundMessage m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO inbound_message(sender, body, received_at,"
                + " smsc_timestamp, parts, partial) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, m.sender());
            ps.setString(2, m.body());
            ps.setLong(3, millis(m.receivedAt()));
            setInstantOrNull(ps, 4, m.smscTimestamp());
            ps.setInt(5, m.parts());
            ps.setInt(6, m.partial() ? 1 : 0);
            ps.executeUpdate();
        }
        return lastId(c);
    }

    private static List<PendingPart> loadParts(Connection c, PartGroupKey group) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sequence, text, smsc_timestamp, received_at"
                + " FROM pending_part WHERE " + GROUP_WHERE + " ORDER BY sequence")) {
            bindGroup(ps, group);
            List<PendingPart> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PendingPart(group, rs.getInt(1), rs.getString(2), instantOrNull(rs, 3),
                            Instant.ofEpochMilli(rs.getLong(4))));
                }
            }
            return out;
        }
    }

    private static SentPart sentPart(ResultSet rs) throws SQLException {
        return new SentPart(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)), DeliveryStatus.valueOf(rs.getString(6)), rs.getInt(7));
    }

    private static void bindGroup(PreparedStatement ps, PartGroupKey group) throws SQLException {
        ps.setString(1, group.sender());
        ps.setInt(2, group.reference());
        ps.setInt(3, group.total());
        ps.setInt(4, group.sixteenBitReference() ? 1 : 0);
    }

    private static long lastId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_PAGE);
        }
    }

    /** Epoch milliseconds, saturating so {@code Instant.MAX}/{@code MIN} work as "everything" bounds. */
    private static long millis(Instant instant) {
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException e) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static void setInstantOrNull(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, millis(value));
        }
    }

    private static Instant instantOrNull(ResultSet rs, int index) throws SQLException {
        long value = rs.getLong(index);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing a failed message store connection: {}", e.getClass().getSimpleName());
        }
    }
}
