package dev.callstack.realtime;

import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * The durable record of every event the hub fans out, for resuming clients ({@code /ws?since=}), polling
 * ({@code GET /events}) and webhooks. The hub appends events in id order, in batches from one writer thread, before
 * any client sees them; ids therefore increase strictly, and across restarts because the hub continues from
 * {@link #lastId()}.
 *
 * <p>Implementations are thread-safe.
 */
public interface EventJournal extends AutoCloseable {
    /**
     * The id of the newest entry ever appended (entries removed by retention still count).
     *
     * @return 0 when nothing was ever appended
     */
    long lastId();

    /**
     * The id of the oldest entry still kept.
     *
     * @return 0 when the journal is empty
     */
    long oldestId();

    /**
     * Stores {@code entry}; when this returns the entry survives a crash of the process. Then tells every
     * {@linkplain #onAppend listener}.
     *
     * @param entry the next entry; its id must be greater than {@link #lastId()}
     * @throws IllegalArgumentException when the id does not increase
     */
    void append(JournalEntry entry);

    /**
     * Stores {@code entries} (in id order) as one write where the storage allows, e.g. one transaction: the hub's
     * group commit. When this returns all of them survive a crash of the process. The default appends them one by
     * one.
     *
     * @param entries the next entries, ids increasing, each greater than {@link #lastId()}; not empty
     * @throws IllegalArgumentException when an id does not increase
     * @throws IllegalStateException when the storage failed (a transactional journal then stored none of them)
     */
    default void appendAll(List<JournalEntry> entries) {
        for (JournalEntry entry : entries) {
            append(entry);
        }
    }

    /**
     * Entries after {@code afterId}, oldest first.
     *
     * @param afterId only ids greater than this one (0 for the oldest kept)
     * @param limit   the most entries to return, at least 1
     * @param names   only these wire names, or empty for every event
     * @return at most {@code limit} entries in id order
     */
    List<JournalEntry> read(long afterId, int limit, Set<String> names);

    /**
     * Registers {@code listener} to be called after appended entries are durable, on the appending thread, with the
     * newest appended id (once per {@link #appendAll} at least). Listeners must not block (wake a worker instead).
     *
     * @param listener the callback; not null
     */
    void onAppend(LongConsumer listener);

    /** Releases the storage; later calls fail. Idempotent. */
    @Override
    void close();
}
