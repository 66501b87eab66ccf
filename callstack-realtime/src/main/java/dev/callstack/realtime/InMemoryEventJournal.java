package dev.callstack.realtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * A journal that keeps the newest {@code capacity} entries in memory and starts from id 1 in every process: for
 * embedders and tests that need no durability. The server uses its SQLite journal.
 *
 * <p>Thread-safe: every method holds the monitor; listeners are called outside it.
 */
public final class InMemoryEventJournal implements EventJournal {
    private final int capacity;
    private final ArrayDeque<JournalEntry> entries = new ArrayDeque<>();
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private long lastId;

    /**
     * An empty journal.
     *
     * @param capacity the most entries kept, at least 1; older ones are forgotten
     */
    public InMemoryEventJournal(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized long lastId() {
        return lastId;
    }

    @Override
    public synchronized long oldestId() {
        JournalEntry first = entries.peekFirst();
        return first == null ? 0 : first.id();
    }

    @Override
    public void append(JournalEntry entry) {
        Objects.requireNonNull(entry, "entry");
        synchronized (this) {
            if (entry.id() <= lastId) {
                throw new IllegalArgumentException("journal ids must increase");
            }
            entries.addLast(entry);
            lastId = entry.id();
            if (entries.size() > capacity) {
                entries.removeFirst();
            }
        }
        for (LongConsumer listener : listeners) {
            listener.accept(entry.id());
        }
    }

    @Override
    public synchronized List<JournalEntry> read(long afterId, int limit, Set<String> names) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        Objects.requireNonNull(names, "names");
        List<JournalEntry> page = new ArrayList<>(Math.min(limit, entries.size()));
        Iterator<JournalEntry> it = entries.iterator();
        while (it.hasNext() && page.size() < limit) {
            JournalEntry entry = it.next();
            if (entry.id() > afterId && (names.isEmpty() || names.contains(entry.name()))) {
                page.add(entry);
            }
        }
        return page;
    }

    @Override
    public void onAppend(LongConsumer listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
