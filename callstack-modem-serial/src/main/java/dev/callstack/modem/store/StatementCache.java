package dev.callstack.modem.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store connection's prepared statements, each prepared once and reused: preparing compiles the SQL in SQLite
 * and allocates native handles, which cost more than running the small statements of an enqueue. Callers must not
 * close what {@link #get} returns, and must close their result sets.
 *
 * <p>Confined to the holder of {@link StoreConnection}'s lock.
 */
final class StatementCache {
    private static final Logger LOG = LoggerFactory.getLogger(StatementCache.class);

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private int prepared;

    StatementCache(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /** The statement for {@code sql}, prepared on first use, its parameters cleared. */
    PreparedStatement get(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
            prepared++;
        } else {
            ps.clearParameters();
        }
        return ps;
    }

    /** For tests: how many statements were prepared so far (a reused one counts once). */
    int prepared() {
        return prepared;
    }

    /** Closes every statement (before the connection closes). */
    void closeAll() {
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                LOG.debug("Closing a cached statement failed: {}", e.getClass().getSimpleName());
            }
        }
        statements.clear();
    }
}
