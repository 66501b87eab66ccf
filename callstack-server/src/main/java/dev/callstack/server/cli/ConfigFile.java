package dev.callstack.server.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import dev.callstack.server.internal.JsonTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The TOML configuration file, parsed by jackson-dataformat-toml: flat {@code key = value} pairs named like the
 * {@code serve} options without their dashes. Arrays become comma-separated lists. The library reports syntax errors
 * with their line but builds a tree without positions, so the line of a key is found afterwards in the text: the
 * first line (outside a multi-line string) whose key part, unquoted, is that key — the file has already parsed, so
 * such a line exists.
 *
 * @param path   where it was read
 * @param values each key's value as option text
 * @param lines  each key's line number (1-based)
 */
record ConfigFile(Path path, Map<String, String> values, Map<String, Integer> lines) {
    private static final Pattern KEY_LINE = Pattern.compile("^\\s*(\"[^\"]*\"|'[^']*'|[A-Za-z0-9_-]+)\\s*=.*");
    private static final Pattern TABLE_LINE = Pattern.compile("^\\s*\\[\\[?\\s*([^\\]]+?)\\s*\\]\\]?.*");

    static ConfigFile empty() {
        return new ConfigFile(null, Map.of(), Map.of());
    }

    /** Reads and checks {@code path}: every key must be in {@code known}. */
    static ConfigFile read(Path path, Set<String> known) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + path + " (" + e.getClass().getSimpleName() + ")",
                    e);
        }
        JsonNode tree;
        // The factory's parser, not a TomlMapper: an ObjectMapper would load databind's serialisers and deserialisers
        // into every packaged serve (the .deb always has a config file) only to read a few flat keys.
        try (JsonParser parser = Toml.FACTORY.createParser(text)) {
            tree = JsonTrees.read(parser);
        } catch (JacksonException e) {
            JsonLocation where = e.getLocation();
            String line = where == null || where.getLineNr() < 1 ? "" : ":" + where.getLineNr();
            throw new ConfigException(path + line + ": not valid TOML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            // Not expected: the text is in memory, and the TOML library reports its syntax errors as above.
            throw new ConfigException("cannot read config file " + path + " (" + e.getClass().getSimpleName() + ")",
                    e);
        }
        Map<String, Integer> lines = keyLines(text);
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : tree.properties()) {
            String key = entry.getKey();
            int line = lines.getOrDefault(key, 0);
            if (entry.getValue().isObject()) {
                throw new ConfigException(path + ":" + line + ": tables ([" + key + "]) are not supported; "
                        + "write the settings as top-level key = value lines");
            }
            if (!known.contains(key)) {
                throw new ConfigException(path + ":" + line + ": unknown key '" + key + "'; known keys: "
                        + String.join(", ", known.stream().sorted().toList()));
            }
            values.put(key, text(entry.getValue()));
        }
        return new ConfigFile(path, values, lines);
    }

    private static String text(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asText()));
            return String.join(",", items);
        }
        return value.asText();
    }

    /** Where each top-level key (and table header) is; multi-line strings are skipped. */
    private static Map<String, Integer> keyLines(String text) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        String[] all = text.split("\\R", -1);
        String openQuote = null;
        for (int i = 0; i < all.length; i++) {
            String line = all[i];
            if (openQuote != null) {
                if (line.contains(openQuote)) {
                    openQuote = null;
                }
                continue;
            }
            var key = KEY_LINE.matcher(line);
            var table = TABLE_LINE.matcher(line);
            if (key.matches()) {
                String name = key.group(1);
                if (name.startsWith("\"") || name.startsWith("'")) {
                    name = name.substring(1, name.length() - 1);
                }
                lines.putIfAbsent(name, i + 1);
                openQuote = multiLineStart(line);
            } else if (table.matches()) {
                lines.putIfAbsent(table.group(1).split("\\.", -1)[0].trim(), i + 1);
            }
        }
        return lines;
    }

    /** The closing delimiter when {@code line} opens a multi-line string it does not close. */
    private static String multiLineStart(String line) {
        for (String quote : new String[] {"\"\"\"", "'''"}) {
            int open = line.indexOf(quote);
            if (open >= 0 && line.indexOf(quote, open + 3) < 0) {
                return quote;
            }
        }
        return null;
    }

    /**
     * The factory, made on first use: {@link #empty()} (no file: java -jar, the container image) must not load the
     * TOML library's classes, which a field of this record would.
     */
    private static final class Toml {
        static final TomlFactory FACTORY = new TomlFactory();

        private Toml() {
        }
    }
}
