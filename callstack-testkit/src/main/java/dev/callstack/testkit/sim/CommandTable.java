package dev.callstack.testkit.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Which {@link CommandHandler} answers an AT command, as data. Keys are command bodies after {@code AT}, upper case.
 * Lookup order: an exact entry ({@code "+CSQ"}, a query {@code "+CPIN?"}, a test {@code "+CMGS=?"}), then the longest
 * matching prefix ({@code "+CMGS="} for every set command, {@code "D"} for dialling), then the fallback (ERROR
 * unless set).
 *
 * <p>A modem profile is a table: {@link #toBuilder()} copies one so another profile can add, replace or remove entries
 * and share the rest of the handlers.
 *
 * <p>Immutable.
 */
final class CommandTable {
    private final Map<String, CommandHandler> exact;
    /** Longest first, so the most specific prefix wins. */
    private final List<Map.Entry<String, CommandHandler>> prefixes;
    private final CommandHandler fallback;

    private CommandTable(Builder builder) {
        this.exact = Map.copyOf(builder.exact);
        List<Map.Entry<String, CommandHandler>> sorted = new ArrayList<>();
        builder.prefixes.forEach((start, handler) -> sorted.add(Map.entry(start, handler)));
        sorted.sort(Comparator.comparingInt((Map.Entry<String, CommandHandler> e) -> e.getKey().length()).reversed());
        this.prefixes = List.copyOf(sorted);
        this.fallback = builder.fallback;
    }

    static Builder builder() {
        return new Builder();
    }

    /** A builder holding this table's entries and fallback. */
    Builder toBuilder() {
        Builder builder = new Builder();
        builder.exact.putAll(exact);
        prefixes.forEach(e -> builder.prefixes.put(e.getKey(), e.getValue()));
        builder.fallback = fallback;
        return builder;
    }

    /** The handler for {@code body} (the upper-case command after {@code AT}); never null. */
    CommandHandler handlerFor(String body) {
        CommandHandler handler = exact.get(body);
        if (handler != null) {
            return handler;
        }
        for (Map.Entry<String, CommandHandler> prefix : prefixes) {
            if (body.startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        return fallback;
    }

    /**
     * Collects entries; adding a key twice is a mistake and throws, changing one is {@link #replaceExact} or
     * {@link #replacePrefix}.
     *
     * <p>Not thread-safe; confined to the code building the table.
     */
    static final class Builder {
        private final Map<String, CommandHandler> exact = new LinkedHashMap<>();
        private final Map<String, CommandHandler> prefixes = new LinkedHashMap<>();
        private CommandHandler fallback = CommandHandler.error();

        private Builder() {
        }

        /** {@code body} exactly, e.g. {@code "+CSQ"} or {@code "E0"}. */
        Builder exact(String body, CommandHandler handler) {
            add(exact, body, handler);
            return this;
        }

        /** The read command {@code name?}, e.g. {@code query("+CPIN", ...)} for {@code AT+CPIN?}. */
        Builder query(String name, CommandHandler handler) {
            return exact(name + "?", handler);
        }

        /** The test command {@code name=?}; without one, {@code name=?} goes to the set handler if there is one. */
        Builder test(String name, CommandHandler handler) {
            return exact(name + "=?", handler);
        }

        /** Every set command {@code name=...}, whatever its arguments. */
        Builder set(String name, CommandHandler handler) {
            return prefix(name + "=", handler);
        }

        /** Every command starting with {@code start}, e.g. {@code "D"} for {@code ATD<number>;}. */
        Builder prefix(String start, CommandHandler handler) {
            add(prefixes, start, handler);
            return this;
        }

        /** Changes the handler of the existing exact entry {@code body}. */
        Builder replaceExact(String body, CommandHandler handler) {
            replace(exact, body, handler);
            return this;
        }

        /** Changes the handler of the existing prefix entry {@code start}. */
        Builder replacePrefix(String start, CommandHandler handler) {
            replace(prefixes, start, handler);
            return this;
        }

        /** Removes the exact entry {@code body}; the command then goes to a matching prefix or the fallback. */
        Builder removeExact(String body) {
            remove(exact, body);
            return this;
        }

        /** Removes the prefix entry {@code start}; its commands then go to a shorter prefix or the fallback. */
        Builder removePrefix(String start) {
            remove(prefixes, start);
            return this;
        }

        /** Lets {@code step} add a group of entries (a vendor dialect) and goes on with what it returns. */
        Builder apply(UnaryOperator<Builder> step) {
            return Objects.requireNonNull(step.apply(this), "step result");
        }

        /** What answers a command no entry matches. */
        Builder fallback(CommandHandler handler) {
            fallback = Objects.requireNonNull(handler, "handler");
            return this;
        }

        CommandTable build() {
            return new CommandTable(this);
        }

        private static void add(Map<String, CommandHandler> entries, String key, CommandHandler handler) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(handler, "handler");
            if (!key.equals(key.toUpperCase(Locale.ROOT))) {
                throw new IllegalArgumentException("keys are upper case (commands are matched upper-cased): " + key);
            }
            if (entries.putIfAbsent(key, handler) != null) {
                throw new IllegalArgumentException("duplicate entry: " + key);
            }
        }

        private static void replace(Map<String, CommandHandler> entries, String key, CommandHandler handler) {
            Objects.requireNonNull(handler, "handler");
            if (entries.replace(key, handler) == null) {
                throw new IllegalArgumentException("no entry to replace: " + key);
            }
        }

        private static void remove(Map<String, CommandHandler> entries, String key) {
            if (entries.remove(key) == null) {
                throw new IllegalArgumentException("no entry to remove: " + key);
            }
        }
    }
}
