package dev.callstack.server.cli;

/**
 * Where {@code callstack monitor} resumes after a dropped connection: the id of the last event it printed, or, before
 * any, the journal's newest id announced by the first {@code hello}. A later {@code hello} must not move it: on a
 * reconnect with {@code since=} the server announces its newest id <em>before</em> replaying what came in between,
 * so taking that id would skip the rest of the replay if the connection dropped again mid-way.
 *
 * <p>Not thread-safe; used by the monitor's one thread.
 */
final class EventCursor {
    private static final long NONE = -1;

    private long lastId = NONE;

    /** The first connection's {@code hello}: live from here. Ignored once the cursor is set. */
    void hello(long journalLastId) {
        if (lastId == NONE && journalLastId >= 0) {
            lastId = journalLastId;
        }
    }

    /** An event with this id was shown. */
    void shown(long id) {
        lastId = Math.max(lastId, id);
    }

    /** Whether a {@code since=} can be sent, i.e. a {@code hello} or an event was seen. */
    boolean isSet() {
        return lastId != NONE;
    }

    /** The {@code since=} value; meaningful when {@link #isSet()}. */
    long since() {
        return lastId;
    }
}
