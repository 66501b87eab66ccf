package dev.callstack.core.testlog;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.event.Level;

/** Everything logged in this test JVM, in order. Thread-safe. */
public final class CapturedLogs {
    /** One log call: its logger, level, formatted message and attached throwable (or {@code null}). */
    public record Entry(String logger, Level level, String message, Throwable throwable) {
    }

    private static final List<Entry> ENTRIES = new CopyOnWriteArrayList<>();

    private CapturedLogs() {
    }

    static void add(Entry entry) {
        ENTRIES.add(entry);
    }

    /** Entries logged by {@code type}'s logger. */
    public static List<Entry> of(Class<?> type) {
        return ENTRIES.stream().filter(entry -> entry.logger().equals(type.getName())).toList();
    }

    public static void clear() {
        ENTRIES.clear();
    }
}
