package dev.callstack.modem.store;

import dev.callstack.core.store.MessageStoreException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the message store's files private to their owner: they hold message bodies (OTP codes among them) and
 * phone numbers. A new database file is created {@code 0600} before SQLite opens it, whatever the umask; SQLite
 * creates its {@code -wal}/{@code -shm}/{@code -journal} files with the database file's permissions, so they follow.
 * An existing file that group or others may access is left as it is (the operator may have reasons) but warned
 * about. File systems without POSIX permissions are skipped.
 *
 * <p>Stateless.
 */
final class StoreFilePermissions {
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    /** The files SQLite keeps next to the database. */
    static final List<String> SIDE_FILE_SUFFIXES = List.of("-wal", "-shm", "-journal");
    private static final Logger LOG = LoggerFactory.getLogger(StoreFilePermissions.class);

    private StoreFilePermissions() {
    }

    /** Creates {@code file} (absolute, its directory existing) {@code 0600} unless it exists; warns about wider files. */
    static void prepare(Path file) {
        Path dir = file.getParent();
        if (dir == null || !posix(dir)) {
            LOG.debug("Message store file system has no POSIX permissions; not restricting the store's files");
            return;
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            // The umask can only take bits away from 0600; set it anyway so the intent holds on odd systems.
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } catch (FileAlreadyExistsException exists) {
            warnIfShared(file);
        } catch (IOException e) {
            throw new MessageStoreException("cannot create the message store file: " + e.getClass().getSimpleName(),
                    e);
        }
        for (String suffix : SIDE_FILE_SUFFIXES) {
            Path side = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(side)) {
                warnIfShared(side);
            }
        }
    }

    private static boolean posix(Path dir) {
        try {
            return Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
        } catch (IOException e) {
            return false;
        }
    }

    private static void warnIfShared(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Cannot read the permissions of {}: {}", file, e.getClass().getSimpleName());
            return;
        }
        if (!OWNER_ONLY.containsAll(permissions)) {
            LOG.warn("Message store file {} has permissions {}: others on this machine may read message bodies and "
                    + "numbers; restrict it with chmod 600", file, PosixFilePermissions.toString(permissions));
        }
    }
}
