package dev.callstack.server.internal;

import dev.callstack.server.Privilege;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads API keys. A key file has one key per line, optionally followed by privileges separated by whitespace or
 * commas ({@code s3cr3t-key content}); blank lines and lines starting with {@code #} are ignored. The
 * {@code CALLSTACK_API_KEYS} variable holds comma-separated entries of the same form ({@code k1 content,k2}).
 *
 * <p>Stateless and thread-safe.
 */
public final class KeyFileParser {
    private static final Logger log = LoggerFactory.getLogger(KeyFileParser.class);

    private KeyFileParser() {
    }

    /** Reads {@code file}, warning when group or others may read it. */
    public static List<KeyEntry> readFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KeyFileException("cannot read API key file " + file + ": " + e.getClass().getSimpleName(), e);
        }
        if (isReadableByOthers(file)) {
            log.warn("API key file {} is readable by group or others; restrict it with 'chmod 600'", file);
        }
        return parseLines(lines, "API key file line ");
    }

    /** Parses the lines of a key file; {@code where} prefixes line numbers in error messages. */
    static List<KeyEntry> parseLines(List<String> lines, String where) {
        List<KeyEntry> keys = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            keys.add(parseEntry(line, where + (i + 1), "[\\s,]+"));
        }
        return keys;
    }

    /** Parses the {@code CALLSTACK_API_KEYS} value. */
    public static List<KeyEntry> parseVariable(String value) {
        List<KeyEntry> keys = new ArrayList<>();
        if (value == null) {
            return keys;
        }
        String[] entries = value.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (!entry.isEmpty()) {
                keys.add(parseEntry(entry, "CALLSTACK_API_KEYS entry " + (i + 1), "\\s+"));
            }
        }
        return keys;
    }

    private static KeyEntry parseEntry(String entry, String where, String separators) {
        String[] tokens = entry.split("\\s+", 2);
        Set<Privilege> privileges = EnumSet.noneOf(Privilege.class);
        if (tokens.length == 2) {
            for (String name : tokens[1].split(separators)) {
                if (!name.isEmpty()) {
                    privileges.add(privilege(name, where));
                }
            }
        }
        return new KeyEntry(tokens[0], privileges);
    }

    private static Privilege privilege(String name, String where) {
        for (Privilege privilege : Privilege.values()) {
            if (privilege.wireName().equals(name.toLowerCase(Locale.ROOT))) {
                return privilege;
            }
        }
        // A privilege name is not secret, but it may be a mistyped second half of a key: do not echo it.
        throw new KeyFileException(where + ": unknown privilege (supported: content)");
    }

    private static boolean isReadableByOthers(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ);
        } catch (UnsupportedOperationException | IOException notPosix) {
            return false;
        }
    }
}
