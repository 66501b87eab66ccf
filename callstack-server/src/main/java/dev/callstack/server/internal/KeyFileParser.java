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
 * Reads API keys. A key file has one key per line:
 * {@code <key> [privilege ...] [sms_per_day=<n>] [to=<prefix>[,<prefix>...]]}, tokens separated by whitespace,
 * privileges also by commas ({@code send,content}); blank lines and lines starting with {@code #} are ignored. The
 * {@code CALLSTACK_API_KEYS} variable holds entries of the same form separated by {@code ;} or newlines (commas
 * belong to an entry). A key must be at least {@value KeyEntry#MIN_LENGTH} characters and must not be a privilege
 * name; a source that is given but holds no key is refused. Errors name the line or entry, never a key.
 *
 * <p>Stateless and thread-safe.
 */
public final class KeyFileParser {
    static final String SMS_PER_DAY = "sms_per_day";
    static final String TO = "to";
    static final int MAX_SMS_PER_DAY = 1_000_000;
    private static final Logger log = LoggerFactory.getLogger(KeyFileParser.class);
    private static final String VARIABLE = "CALLSTACK_API_KEYS";

    private KeyFileParser() {
    }

    /** Reads {@code file}, warning when group or others may read it; refuses a file without any key. */
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
        List<KeyEntry> keys = parseLines(lines, "API key file line ");
        if (keys.isEmpty()) {
            throw new KeyFileException("API key file " + file + " holds no key (only comments and blank lines); "
                    + "add a line '<key of at least " + KeyEntry.MIN_LENGTH + " characters> [privileges]'");
        }
        return keys;
    }

    /** Parses the lines of a key file; {@code where} prefixes line numbers in error messages. */
    static List<KeyEntry> parseLines(List<String> lines, String where) {
        List<KeyEntry> keys = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            keys.add(parseEntry(line, where + (i + 1)));
        }
        return keys;
    }

    /**
     * Parses the {@code CALLSTACK_API_KEYS} value; null or empty means not given (no keys), anything else must
     * hold at least one key.
     */
    public static List<KeyEntry> parseVariable(String value) {
        List<KeyEntry> keys = new ArrayList<>();
        if (value == null || value.isEmpty()) {
            return keys;
        }
        String[] entries = value.split("[;\n]", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (!entry.replace(",", "").isBlank()) {
                keys.add(parseEntry(entry, VARIABLE + " entry " + (i + 1)));
            }
        }
        if (keys.isEmpty()) {
            throw new KeyFileException(VARIABLE + " is set but holds no key; unset it or give "
                    + "'<key> [privileges]' entries separated by ';'");
        }
        return keys;
    }

    private static KeyEntry parseEntry(String entry, String where) {
        String[] tokens = entry.split("\\s+", -1);
        String secret = tokens[0];
        for (String name : secret.split(",", -1)) {
            if (privilege(name) != null) {
                throw new KeyFileException(where + ": the key is a privilege name; the key comes first");
            }
        }
        if (secret.length() < KeyEntry.MIN_LENGTH) {
            throw new KeyFileException(where + ": key shorter than " + KeyEntry.MIN_LENGTH + " characters");
        }
        Set<Privilege> privileges = EnumSet.noneOf(Privilege.class);
        int smsPerDay = 0;
        List<String> prefixes = List.of();
        for (int i = 1; i < tokens.length; i++) {
            String token = tokens[i];
            int equals = token.indexOf('=');
            if (equals < 0) {
                addPrivileges(token, privileges, where);
                continue;
            }
            String option = token.substring(0, equals).toLowerCase(Locale.ROOT);
            String value = token.substring(equals + 1);
            if (SMS_PER_DAY.equals(option)) {
                smsPerDay = smsPerDay(value, where);
            } else if (TO.equals(option)) {
                prefixes = prefixes(value, where);
            } else {
                throw new KeyFileException(where + ": unknown option (supported: sms_per_day=<n>, to=<prefixes>)");
            }
        }
        return new KeyEntry(secret, privileges, smsPerDay, prefixes);
    }

    private static void addPrivileges(String token, Set<Privilege> privileges, String where) {
        for (String name : token.split(",", -1)) {
            if (name.isEmpty()) {
                continue;
            }
            Privilege privilege = privilege(name);
            if (privilege == null) {
                // A privilege name is not secret, but it may be a mistyped second half of a key: do not echo it.
                throw new KeyFileException(where + ": unknown privilege (supported: " + supported() + ")");
            }
            privileges.add(privilege);
        }
    }

    private static int smsPerDay(String value, String where) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= MAX_SMS_PER_DAY) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new KeyFileException(where + ": sms_per_day must be a whole number from 1 to " + MAX_SMS_PER_DAY);
    }

    private static List<String> prefixes(String value, String where) {
        List<String> prefixes = new ArrayList<>();
        for (String prefix : value.split(",", -1)) {
            if (!KeyEntry.PREFIX.matcher(prefix).matches()) {
                throw new KeyFileException(where + ": to= takes E.164 prefixes such as +49 or +4915, comma-separated");
            }
            prefixes.add(prefix);
        }
        return prefixes;
    }

    private static Privilege privilege(String name) {
        for (Privilege privilege : Privilege.values()) {
            if (privilege.wireName().equals(name.toLowerCase(Locale.ROOT))) {
                return privilege;
            }
        }
        return null;
    }

    private static String supported() {
        List<String> names = new ArrayList<>();
        for (Privilege privilege : Privilege.values()) {
            names.add(privilege.wireName());
        }
        return String.join(", ", names);
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
