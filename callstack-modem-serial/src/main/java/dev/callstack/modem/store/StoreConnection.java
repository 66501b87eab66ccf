package dev.callstack.modem.store;

import dev.callstack.core.store.MessageStoreException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message store's one SQLite connection: opened with WAL and {@code synchronous=FULL} so a committed write
 * survives a crash or power loss, migrated by {@link SchemaMigrations}, and used only inside {@link #write} (one
 * transaction) or {@link #read}, each of which holds one lock for its whole duration.
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
    private boolean closed;

    private StoreConnection(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /** Connects to {@code url}; {@code file} turns the WAL journal on (an in-memory database has none). */
    static StoreConnection connect(String url, boolean file) {
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
            throw new MessageStoreException("could not " + what + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    <T> T read(String what, SqlWork<T> work) {
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
}
