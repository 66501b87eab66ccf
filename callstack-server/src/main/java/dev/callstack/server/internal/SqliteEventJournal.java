package dev.callstack.server.internal;

import dev.callstack.realtime.EncodedMessage;
import dev.callstack.realtime.EventJournal;
import dev.callstack.realtime.JournalEntry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * The server's {@link EventJournal}: table {@code server_event_journal} in the server's SQLite file (the message
 * store's), or in an in-memory database when there is none. Each row keeps the event's id, wire name, time and both
 * encoded envelopes, exactly the bytes {@code /ws} sent. {@code lastId()} survives retention deleting every row: the
 * pruner records the high-water mark in {@code server_journal_meta} before it deletes.
 *
 * <p>Durability: WAL with {@code synchronous=NORMAL}. A commit is then a write of the WAL frame into the OS page
 * cache without an fsync; a process killed with {@code kill -9} loses nothing the kernel already has, so every
 * committed append survives it. Only a power loss or kernel crash can lose the newest commits (never corrupt the
 * file), which is the trade the message store makes too, and it keeps an append off the disk's flush latency.
 * {@link #appendAll} stores a batch in one transaction: the hub's group commit pays one WAL write per batch.
 *
 * <p>Thread-safe: appends and pruning use the writing connection under {@code writeLock}; reads use a second
 * connection under {@code readLock}, so a replay reading pages never holds up an append (WAL lets one writer and
 * readers proceed together). An in-memory database is private to its connection, so there both share one connection
 * and one lock. {@link #lastId()} and {@link #oldestId()} are cached and cost no query.
 */
final class SqliteEventJournal implements EventJournal {
    private static final String SCHEMA = "CREATE TABLE IF NOT EXISTS server_event_journal (id INTEGER PRIMARY KEY, "
            + "name TEXT NOT NULL, at_ms INTEGER NOT NULL, redacted BLOB NOT NULL, content BLOB NOT NULL)";
    private static final String META = "CREATE TABLE IF NOT EXISTS server_journal_meta ("
            + "key TEXT PRIMARY KEY, value INTEGER NOT NULL)";
    private static final String SELECT = "SELECT id, name, at_ms, redacted, content FROM server_event_journal ";
    /** Rows deleted per lock hold, so pruning a large backlog never stalls an append for long. */
    static final int DELETE_BATCH = 5_000;

    private final Object writeLock = new Object();
    private final Object readLock;
    private final Connection writer;
    private final Connection reader;
    private final PreparedStatement insert;
    private final PreparedStatement readAll;
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private volatile long lastId;
    private volatile long oldestId;
    private volatile boolean closed;

    private SqliteEventJournal(Connection writer, Connection reader) throws SQLException {
        this.writer = writer;
        this.reader = reader;
        this.readLock = writer == reader ? writeLock : new Object();
        this.insert = writer.prepareStatement("INSERT INTO server_event_journal (id, name, at_ms, redacted, content) "
                + "VALUES (?, ?, ?, ?, ?)");
        this.readAll = reader.prepareStatement(SELECT + "WHERE id > ? ORDER BY id LIMIT ?");
        long newest = queryLong(writer, "SELECT COALESCE(MAX(id), 0) FROM server_event_journal");
        long mark = queryLong(writer, "SELECT COALESCE(MAX(value), 0) FROM server_journal_meta WHERE key = 'last_id'");
        this.lastId = Math.max(newest, mark);
        this.oldestId = queryLong(writer, "SELECT COALESCE(MIN(id), 0) FROM server_event_journal");
    }

    /**
     * Opens (and creates if needed) the journal in {@code database}, or in memory when it is null.
     *
     * @throws IllegalStateException when the file cannot be opened
     */
    static SqliteEventJournal open(Path database) {
        String url = database == null ? "jdbc:sqlite::memory:" : "jdbc:sqlite:" + database.toAbsolutePath();
        Connection writer = null;
        Connection reader = null;
        try {
            writer = connect(url, true);
            reader = database == null ? writer : connect(url, false);
            return new SqliteEventJournal(writer, reader);
        } catch (SQLException e) {
            closeQuietly(reader);
            closeQuietly(writer);
            throw new IllegalStateException("cannot open the event journal (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static Connection connect(String url, boolean createSchema) throws SQLException {
        Properties options = new Properties();
        // The driver otherwise runs a regex over the SQL and a "SELECT last_insert_rowid()" after every insert, for
        // generated keys the journal never asks for (ids are ours): about half of an append's cost.
        options.setProperty("jdbc.get_generated_keys", "false");
        Connection connection = DriverManager.getConnection(url, options);
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = NORMAL");
            if (createSchema) {
                s.execute(SCHEMA);
                s.execute(META);
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    @Override
    public long lastId() {
        return lastId;
    }

    @Override
    public long oldestId() {
        return oldestId;
    }

    /**
     * Entries kept now (ids are consecutive apart from events that failed to be stored, so this is an upper bound).
     *
     * @return 0 when empty
     */
    long size() {
        long oldest = oldestId;
        return oldest == 0 ? 0 : lastId - oldest + 1;
    }

    @Override
    public void append(JournalEntry entry) {
        appendAll(List.of(Objects.requireNonNull(entry, "entry")));
    }

    @Override
    public void appendAll(List<JournalEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        long newest;
        synchronized (writeLock) {
            ensureOpen();
            long previous = lastId;
            for (JournalEntry entry : entries) {
                if (entry.id() <= previous) {
                    throw new IllegalArgumentException("journal ids must increase");
                }
                previous = entry.id();
            }
            newest = previous;
            try {
                insertAll(entries);
            } catch (SQLException e) {
                throw failed(e);
            }
            lastId = newest;
            if (oldestId == 0) {
                oldestId = entries.get(0).id();
            }
        }
        for (LongConsumer listener : listeners) {
            listener.accept(newest);
        }
    }

    /** One transaction for the batch (one WAL write at commit); nothing of it is kept when a row fails. */
    private void insertAll(List<JournalEntry> entries) throws SQLException {
        boolean single = entries.size() == 1;
        if (!single) {
            writer.setAutoCommit(false);
        }
        try {
            for (JournalEntry entry : entries) {
                insert.setLong(1, entry.id());
                insert.setString(2, entry.name());
                insert.setLong(3, entry.timestamp().toEpochMilli());
                insert.setBytes(4, entry.redacted().utf8());
                insert.setBytes(5, entry.content().utf8());
                insert.executeUpdate();
            }
            if (!single) {
                writer.commit();
            }
        } catch (SQLException e) {
            if (!single) {
                writer.rollback();
            }
            throw e;
        } finally {
            if (!single) {
                writer.setAutoCommit(true);
            }
        }
    }

    @Override
    public List<JournalEntry> read(long afterId, int limit, Set<String> names) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        Objects.requireNonNull(names, "names");
        synchronized (readLock) {
            ensureOpen();
            try {
                if (names.isEmpty()) {
                    return rows(readAll, afterId, limit, List.of());
                }
                String marks = String.join(",", java.util.Collections.nCopies(names.size(), "?"));
                try (PreparedStatement byName = reader.prepareStatement(
                        SELECT + "WHERE id > ? AND name IN (" + marks + ") ORDER BY id LIMIT ?")) {
                    return rows(byName, afterId, limit, List.copyOf(names));
                }
            } catch (SQLException e) {
                throw failed(e);
            }
        }
    }

    private static List<JournalEntry> rows(PreparedStatement query, long afterId, int limit, List<String> names)
            throws SQLException {
        int index = 1;
        query.setLong(index++, afterId);
        for (String name : names) {
            query.setString(index++, name);
        }
        query.setInt(index, limit);
        List<JournalEntry> page = new ArrayList<>(Math.min(limit, 1024));
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                page.add(new JournalEntry(rows.getLong(1), rows.getString(2), Instant.ofEpochMilli(rows.getLong(3)),
                        EncodedMessage.wrap(rows.getBytes(4)), EncodedMessage.wrap(rows.getBytes(5))));
            }
        }
        return page;
    }

    /**
     * Deletes the oldest entries, in batches, until none is older than {@code notBefore} (by the first entry, in id
     * order, that is not: events are appended in time order) and at most {@code maxEvents} are kept. The high-water
     * mark is stored first, so {@link #lastId()} stays right after a restart even when nothing is left.
     *
     * @return the number of entries deleted
     */
    long prune(Instant notBefore, long maxEvents) {
        long deleted = 0;
        while (true) {
            synchronized (writeLock) {
                ensureOpen();
                long oldest = oldestId;
                if (oldest == 0) {
                    return deleted;
                }
                try {
                    long cutoff = Math.max(lastId - maxEvents, youngestExpired(notBefore.toEpochMilli()));
                    if (cutoff < oldest) {
                        return deleted;
                    }
                    long batchEnd = Math.min(cutoff, oldest + DELETE_BATCH - 1);
                    deleted += deleteThrough(batchEnd);
                    oldestId = queryLong(writer, "SELECT COALESCE(MIN(id), 0) FROM server_event_journal");
                } catch (SQLException e) {
                    throw failed(e);
                }
            }
        }
    }

    /** The id before the first entry at or after {@code notBeforeMs}, or {@link #lastId} when none is. */
    private long youngestExpired(long notBeforeMs) throws SQLException {
        try (PreparedStatement first = writer.prepareStatement(
                "SELECT id FROM server_event_journal WHERE at_ms >= ? ORDER BY id LIMIT 1")) {
            first.setLong(1, notBeforeMs);
            try (ResultSet row = first.executeQuery()) {
                return row.next() ? row.getLong(1) - 1 : lastId;
            }
        }
    }

    private int deleteThrough(long id) throws SQLException {
        writer.setAutoCommit(false);
        try (PreparedStatement mark = writer.prepareStatement(
                "INSERT INTO server_journal_meta (key, value) VALUES ('last_id', ?) "
                        + "ON CONFLICT(key) DO UPDATE SET value = MAX(value, excluded.value)");
             PreparedStatement delete = writer.prepareStatement("DELETE FROM server_event_journal WHERE id <= ?")) {
            mark.setLong(1, lastId);
            mark.executeUpdate();
            delete.setLong(1, id);
            int rows = delete.executeUpdate();
            writer.commit();
            return rows;
        } catch (SQLException e) {
            writer.rollback();
            throw e;
        } finally {
            writer.setAutoCommit(true);
        }
    }

    @Override
    public void onAppend(LongConsumer listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void close() {
        synchronized (writeLock) {
            synchronized (readLock) {
                if (closed) {
                    return;
                }
                closed = true;
                closeQuietly(reader);
                if (reader != writer) {
                    closeQuietly(writer);
                }
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("event journal closed");
        }
    }

    private static long queryLong(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet row = s.executeQuery(sql)) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    private static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("event journal failed (" + e.getClass().getSimpleName() + ")", e);
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing: nothing left to do
        }
    }
}
