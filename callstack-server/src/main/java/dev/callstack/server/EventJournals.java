package dev.callstack.server;

import dev.callstack.realtime.EventJournal;
import dev.callstack.server.internal.SqliteJournalFactory;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The server's durable {@link EventJournal}, for embedders that run a {@code RealtimeHub} themselves (and for the
 * benchmarks): table {@code server_event_journal} in a SQLite file, WAL, committed before the hub fans an event out.
 * Retention is the server's job ({@code --journal-retention}); a journal opened here is never pruned.
 */
public final class EventJournals {
    private EventJournals() {
    }

    /**
     * Opens (and creates if needed) the journal in {@code database}; ids continue from what the file holds.
     *
     * @param database the SQLite file; the message store's file is fine; not null
     * @return the journal; close it after the hub
     * @throws IllegalStateException when the file cannot be opened
     */
    public static EventJournal sqlite(Path database) {
        return SqliteJournalFactory.open(Objects.requireNonNull(database, "database"));
    }
}
