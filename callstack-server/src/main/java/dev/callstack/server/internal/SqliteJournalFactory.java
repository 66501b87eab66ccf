package dev.callstack.server.internal;

import dev.callstack.realtime.EventJournal;
import java.nio.file.Path;

/** Opens {@link SqliteEventJournal} for the public {@code EventJournals}, keeping the class itself internal. */
public final class SqliteJournalFactory {
    private SqliteJournalFactory() {
    }

    /**
     * Opens the journal in {@code database}.
     *
     * @param database the SQLite file, or null for an in-memory database
     * @return the journal
     */
    public static EventJournal open(Path database) {
        return SqliteEventJournal.open(database);
    }
}
