package dev.callstack.realtime;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * A journal that forwards everything to {@link #delegate}; tests override the one method whose failure or timing they
 * stage. A single {@link #append} goes through {@link #appendAll}, so overriding that one catches every write.
 */
abstract class ForwardingJournal implements EventJournal {
    final EventJournal delegate;

    ForwardingJournal(EventJournal delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public long lastId() {
        return delegate.lastId();
    }

    @Override
    public long oldestId() {
        return delegate.oldestId();
    }

    @Override
    public void append(JournalEntry entry) {
        appendAll(List.of(entry));
    }

    @Override
    public void appendAll(List<JournalEntry> entries) {
        delegate.appendAll(entries);
    }

    @Override
    public List<JournalEntry> read(long afterId, int limit, Set<String> names) {
        return delegate.read(afterId, limit, names);
    }

    @Override
    public void onAppend(LongConsumer listener) {
        delegate.onAppend(listener);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
