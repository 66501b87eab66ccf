package dev.callstack.modem.store;

import dev.callstack.core.store.MessageStoreException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message store's one SQLite connection: opened with WAL and {@code synchronous=FULL} so a committed write
 * survives a crash or power loss, migrated by {@link SchemaMigrations}, and used only inside {@link #write} (one
 * transaction), {@link #writeShared} (a savepoint in a transaction shared with concurrent callers: group commit) or
 * {@link #read}, each of which holds one lock for its whole duration.
 *
 * <p>Group commit: with {@code synchronous=FULL} every commit waits for an fsync, which bounds a one-transaction-per-
 * request store to a few hundred requests per second on an SD card or a shared disk. Callers of {@link #writeShared}
 * that arrive while another transaction holds the lock queue their work; whoever takes the lock next runs every
 * queued piece in its own savepoint (so one failing request rolls back alone) and commits them all with one fsync.
 * Nobody returns before the commit that holds its work, so an acknowledged write is as durable as with {@link #write}.
 *
 * <p>Thread-safe: every call holds one lock for its whole transaction.
 */
final class StoreConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreConnection.class);

    /** Work on the connection, inside the lock (and, for {@link #write}, inside a transaction). */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    /** Work waiting for the next shared transaction, in arrival order. */
    private final ConcurrentLinkedQueue<SharedWork<?>> waiting = new ConcurrentLinkedQueue<>();
    private final StatementCache statements;
    private boolean closed;

    private StoreConnection(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.statements = new StatementCache(connection);
    }

    /** The connection's reusable prepared statements; only for work running inside one of this class's calls. */
    StatementCache statements() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("cached statements are confined to the store's lock holder");
        }
        return statements;
    }

    /** Connects to {@code url}; {@code file} turns the WAL journal on (an in-memory database has none). */
    static StoreConnection connect(String url, boolean file) {
        Connection connection = null;
        try {
            Properties options = new Properties();
            // Otherwise sqlite-jdbc prepares and runs "SELECT last_insert_rowid()" after every INSERT for
            // getGeneratedKeys, which the store never calls: it reads the rowid itself where it needs one.
            options.setProperty("jdbc.get_generated_keys", "false");
            connection = DriverManager.getConnection(url, options);
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
            return new StoreConnection(connection);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            if (e instanceof MessageStoreException mse) {
                throw mse;
            }
            throw new MessageStoreException("cannot open the message store: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T write(String what, SqlWork<T> work) {
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
            throw failed(what, e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code work} in a savepoint of a transaction it may share with concurrent callers (group commit); returns
     * once that transaction committed. A failure of {@code work} rolls back its own savepoint only; a failed commit
     * fails every caller that shared it.
     */
    <T> T writeShared(String what, SqlWork<T> work) {
        SharedWork<T> mine = new SharedWork<>(what, work);
        waiting.add(mine);
        lock.lock();
        try {
            if (!mine.finished) { // else an earlier lock holder already committed it (the lock orders the read)
                commitWaiting();
            }
        } finally {
            lock.unlock();
        }
        return mine.outcome();
    }

    /** Under the lock: every queued piece of work in its own savepoint, then one commit for all of them. */
    private void commitWaiting() {
        List<SharedWork<?>> batch = new ArrayList<>();
        for (SharedWork<?> next = waiting.poll(); next != null; next = waiting.poll()) {
            batch.add(next);
        }
        try {
            checkOpen();
            connection.setAutoCommit(false);
            try {
                for (SharedWork<?> work : batch) {
                    work.runIn(connection, statements);
                }
                connection.commit();
                for (SharedWork<?> work : batch) {
                    work.committed();
                }
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException e) {
            for (SharedWork<?> work : batch) {
                work.failIfPending(e);
            }
        } finally {
            for (SharedWork<?> work : batch) {
                work.failIfPending(null);
                work.finished = true;
            }
        }
    }

    /** For tests: callers waiting for the next shared transaction. */
    int waitingForCommit() {
        return waiting.size();
    }

    <T> T read(String what, SqlWork<T> work) {
        lock.lock();
        try {
            checkOpen();
            return work.run(connection);
        } catch (SQLException e) {
            throw failed(what, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            statements.closeAll();
            connection.close();
        } catch (SQLException e) {
            throw new MessageStoreException("closing the message store failed", e);
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

    /** The store's one wording of a failed operation. */
    private static MessageStoreException failed(String what, Exception cause) {
        return new MessageStoreException("could not " + what + ": " + cause.getMessage(), cause);
    }

    /**
     * One caller's work in a shared transaction and its outcome. Confined to whoever holds the connection's lock
     * while it runs; its owner reads the outcome after taking and releasing that lock, which orders the reads.
     */
    private static final class SharedWork<T> {
        private final String what;
        private final SqlWork<T> work;
        private T tentative;
        private T result;
        private RuntimeException failure;
        private boolean succeeded;
        private boolean finished;

        SharedWork(String what, SqlWork<T> work) {
            this.what = Objects.requireNonNull(what, "what");
            this.work = Objects.requireNonNull(work, "work");
        }

        /**
         * Runs the work in a savepoint: released when it succeeds, rolled back (alone) when it throws. The savepoint
         * statements come from the connection's cache: a batch of n requests runs 2n of them, and preparing each
         * anew cost about as much as running it.
         */
        void runIn(Connection connection, StatementCache statements) throws SQLException {
            statements.get("SAVEPOINT shared_work").execute();
            try {
                tentative = work.run(connection);
            } catch (SQLException e) {
                rollBack(statements);
                failure = failed(what, e);
                return;
            } catch (RuntimeException e) {
                rollBack(statements);
                failure = e;
                return;
            }
            statements.get("RELEASE shared_work").execute();
        }

        private static void rollBack(StatementCache statements) throws SQLException {
            statements.get("ROLLBACK TO shared_work").execute();
            statements.get("RELEASE shared_work").execute();
        }

        void committed() {
            if (failure == null) {
                result = tentative;
                succeeded = true;
            }
        }

        /** The transaction (or the store) failed before this work's outcome was known: it was not stored. */
        void failIfPending(Exception cause) {
            if (!succeeded && failure == null) {
                failure = cause instanceof MessageStoreException mse ? mse
                        : cause == null ? new MessageStoreException("could not " + what
                                + ": the shared transaction failed", null) : failed(what, cause);
            }
        }

        T outcome() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}
