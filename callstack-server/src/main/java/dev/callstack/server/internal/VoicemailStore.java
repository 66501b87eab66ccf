package dev.callstack.server.internal;

import dev.callstack.core.voice.Recording;
import dev.callstack.modem.voice.WavWriter;
import dev.callstack.realtime.WireViews;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Voicemail on disk: WAV files in one directory (created 0700, files 0600, named by a random id, never by the
 * caller) and their metadata in the server's table {@code server_voicemail} of the message store's SQLite file (an
 * in-memory database without one). A voicemail is stored file first, then row; deleted file first, then row.
 *
 * <p>Thread-safe: every method holds the monitor and uses the one connection under it. Methods block on disk.
 */
final class VoicemailStore implements AutoCloseable {
    /** What an id looks like: 16 random bytes, base64url without padding. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final String TABLE = "CREATE TABLE IF NOT EXISTS server_voicemail ("
            + "seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, caller TEXT, "
            + "started_at_ms INTEGER NOT NULL, duration_ms INTEGER NOT NULL, ending TEXT NOT NULL, file TEXT NOT NULL)";
    private static final String COLUMNS = "seq, id, caller, started_at_ms, duration_ms, ending, file";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    // A voice message is the caller's voice: only the service user may list or read them.
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private final Connection connection;
    private final Path directory;

    private VoicemailStore(Connection connection, Path directory) {
        this.connection = connection;
        this.directory = directory;
    }

    /**
     * Opens the table in {@code database} (null: in memory) and creates {@code directory} (0700) when missing.
     *
     * @throws IllegalArgumentException when the directory cannot be created or the database not opened
     */
    static VoicemailStore open(Path database, Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        try {
            if (POSIX) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
                Files.setPosixFilePermissions(dir, OWNER_ONLY_DIRECTORY);
            } else {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("--voicemail-dir " + dir + ": cannot create it ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        String url = database == null ? "jdbc:sqlite::memory:" : "jdbc:sqlite:" + database.toAbsolutePath();
        try {
            Connection connection = DriverManager.getConnection(url);
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
                s.execute(TABLE);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return new VoicemailStore(connection, dir);
        } catch (SQLException e) {
            throw new IllegalArgumentException("cannot open the voicemail table (" + e.getClass().getSimpleName()
                    + ")", e);
        }
    }

    /** The directory the WAV files are in. */
    Path directory() {
        return directory;
    }

    /** Stores a recording: the WAV file (0600), then its row. */
    synchronized VoicemailEntry store(String caller, Instant startedAt, Recording recording) {
        String id = newId();
        String file = id + ".wav";
        Path path = directory.resolve(file);
        try (OutputStream out = POSIX
                ? Files.newOutputStream(Files.createFile(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)),
                        StandardOpenOption.WRITE)
                : Files.newOutputStream(path, StandardOpenOption.CREATE_NEW)) {
            out.write(WavWriter.encode(recording.audio()));
        } catch (IOException e) {
            deleteQuietly(path);
            throw new UncheckedIOException("cannot write a voicemail file", e);
        }
        VoicemailEntry entry = new VoicemailEntry(0, id, caller == null || caller.isEmpty() ? null : caller,
                startedAt, recording.duration(), WireViews.wireName(recording.ending()), file);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO server_voicemail "
                + "(id, caller, started_at_ms, duration_ms, ending, file) VALUES (?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, id);
            insert.setString(2, entry.caller());
            insert.setLong(3, startedAt.toEpochMilli());
            insert.setLong(4, entry.duration().toMillis());
            insert.setString(5, entry.ending());
            insert.setString(6, file);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                long seq = keys.next() ? keys.getLong(1) : 0;
                return new VoicemailEntry(seq, id, entry.caller(), startedAt, entry.duration(), entry.ending(), file);
            }
        } catch (SQLException e) {
            deleteQuietly(path);
            throw failed(e);
        }
    }

    /** Up to {@code limit} voicemails, newest first, with {@code seq} below {@code before} ({@code -1}: any). */
    synchronized List<VoicemailEntry> list(int limit, long before) {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM server_voicemail WHERE seq < ? ORDER BY seq DESC LIMIT ?")) {
            query.setLong(1, before < 0 ? Long.MAX_VALUE : before);
            query.setInt(2, limit);
            return entries(query);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** The voicemail {@code id}, if stored; an id of the wrong shape is simply not found. */
    synchronized Optional<VoicemailEntry> find(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM server_voicemail WHERE id = ?")) {
            query.setString(1, id);
            List<VoicemailEntry> found = entries(query);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * The WAV file of {@code entry}: inside the directory, or empty when the name would lead outside it (a tampered
     * row) or the file is gone.
     */
    Optional<Path> audio(VoicemailEntry entry) {
        Path path = directory.resolve(entry.file()).normalize();
        if (!directory.equals(path.getParent()) || !Files.isRegularFile(path)) {
            return Optional.empty();
        }
        return Optional.of(path);
    }

    /** Deletes the voicemail {@code id}: file, then row; false when there is none. */
    synchronized boolean delete(String id) {
        Optional<VoicemailEntry> entry = find(id);
        if (entry.isEmpty()) {
            return false;
        }
        remove(entry.get());
        return true;
    }

    /** Deletes every voicemail that started before {@code cutoff} (the retention sweep); returns how many. */
    synchronized int deleteBefore(Instant cutoff) {
        List<VoicemailEntry> old;
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM server_voicemail WHERE started_at_ms < ? ORDER BY seq")) {
            query.setLong(1, cutoff.toEpochMilli());
            old = entries(query);
        } catch (SQLException e) {
            throw failed(e);
        }
        old.forEach(this::remove);
        return old.size();
    }

    private void remove(VoicemailEntry entry) {
        audio(entry).ifPresent(VoicemailStore::deleteQuietly);
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM server_voicemail WHERE seq = ?")) {
            delete.setLong(1, entry.seq());
            delete.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static List<VoicemailEntry> entries(PreparedStatement query) throws SQLException {
        List<VoicemailEntry> entries = new ArrayList<>();
        try (ResultSet r = query.executeQuery()) {
            while (r.next()) {
                entries.add(new VoicemailEntry(r.getLong(1), r.getString(2), r.getString(3),
                        Instant.ofEpochMilli(r.getLong(4)), Duration.ofMillis(r.getLong(5)), r.getString(6),
                        r.getString(7)));
            }
        }
        return entries;
    }

    private String newId() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(RandomBytes.next(16));
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // Best effort: the row decides what exists; an orphan file is harmless and 0600.
        }
    }

    private static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("voicemail table failed (" + e.getClass().getSimpleName() + ")", e);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing: nothing left to do with it.
        }
    }
}
