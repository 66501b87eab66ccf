package dev.callstack.modem.store;

import static dev.callstack.modem.store.StoreSql.checkLimit;
import static dev.callstack.modem.store.StoreSql.instantOrNull;
import static dev.callstack.modem.store.StoreSql.lastId;
import static dev.callstack.modem.store.StoreSql.millis;
import static dev.callstack.modem.store.StoreSql.recordFingerprint;
import static dev.callstack.modem.store.StoreSql.setInstantOrNull;

import dev.callstack.core.StoredSms;
import dev.callstack.core.store.InboundMessage;
import dev.callstack.core.store.PartGroupKey;
import dev.callstack.core.store.PendingGroup;
import dev.callstack.core.store.PendingPart;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The inbound half of {@link SqliteMessageStore}: received messages, the dedupe fingerprints, and the parts of
 * multipart messages waiting for their group to complete.
 *
 * <p>Thread-safe: every call is one {@link StoreConnection} transaction.
 */
final class InboundRecords {
    /** Open groups with their first arrival and part count; a HAVING clause follows. */
    private static final String GROUP_SELECT = "SELECT sender, reference, total, sixteen_bit,"
            + " MIN(received_at) AS first_at, COUNT(*) FROM pending_part GROUP BY sender, reference, total, sixteen_bit";
    private static final String GROUP_WHERE = "sender = ? AND reference = ? AND total = ? AND sixteen_bit = ?";

    private final StoreConnection db;

    InboundRecords(StoreConnection db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    OptionalLong storeReceived(String fingerprint, InboundMessage message) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(message, "message");
        return db.write("store a received message", c -> {
            if (!recordFingerprint(c, fingerprint, message.receivedAt())) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(insertInbound(c, message));
        });
    }

    List<StoredSms> received(int limit, OptionalLong beforeId) {
        checkLimit(limit);
        Objects.requireNonNull(beforeId, "beforeId");
        return db.read("list received messages", c -> {
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

    boolean seen(String fingerprint) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        return db.read("check a fingerprint", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM seen_fingerprint WHERE fingerprint = ?")) {
                ps.setString(1, fingerprint);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    boolean markSeen(String fingerprint, Instant at) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(at, "at");
        return db.write("record a fingerprint", c -> recordFingerprint(c, fingerprint, at));
    }

    int pruneFingerprints(Instant before) {
        Objects.requireNonNull(before, "before");
        return db.write("prune fingerprints", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM seen_fingerprint WHERE seen_at < ?")) {
                ps.setLong(1, millis(before));
                return ps.executeUpdate();
            }
        });
    }

    Optional<List<PendingPart>> addPart(String fingerprint, PendingPart part) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(part, "part");
        return db.write("store a message part", c -> {
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

    List<PendingPart> parts(PartGroupKey group) {
        Objects.requireNonNull(group, "group");
        return db.read("load message parts", c -> loadParts(c, group));
    }

    OptionalLong completeGroup(PartGroupKey group, InboundMessage message) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(message, "message");
        return db.write("complete a multipart message", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM pending_part WHERE " + GROUP_WHERE)) {
                bindGroup(ps, group);
                if (ps.executeUpdate() == 0) {
                    return OptionalLong.empty();
                }
            }
            return OptionalLong.of(insertInbound(c, message));
        });
    }

    List<PendingGroup> pendingGroups(Instant firstPartBefore, int limit) {
        Objects.requireNonNull(firstPartBefore, "firstPartBefore");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return db.read("list pending multipart groups", c -> {
            try (PreparedStatement ps = c.prepareStatement(GROUP_SELECT + " HAVING first_at < ?"
                    + " ORDER BY first_at, sender, reference LIMIT ?")) {
                ps.setLong(1, millis(firstPartBefore));
                ps.setInt(2, limit);
                return pendingGroups(ps);
            }
        });
    }

    List<PendingGroup> fullGroups(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return db.read("list complete multipart groups", c -> {
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

    int openGroupCount() {
        return db.read("count pending multipart groups", c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM (SELECT 1 FROM pending_part"
                         + " GROUP BY sender, reference, total, sixteen_bit)")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
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

    private static void bindGroup(PreparedStatement ps, PartGroupKey group) throws SQLException {
        ps.setString(1, group.sender());
        ps.setInt(2, group.reference());
        ps.setInt(3, group.total());
        ps.setInt(4, group.sixteenBitReference() ? 1 : 0);
    }
}
