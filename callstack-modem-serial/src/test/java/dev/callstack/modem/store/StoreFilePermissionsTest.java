package dev.callstack.modem.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.callstack.core.store.InboundMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The store's files hold bodies and numbers: only their owner may read them, whatever the umask. */
class StoreFilePermissionsTest {
    private static final String OWNER_ONLY = "rw-------";

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Logger logger;

    @BeforeEach
    void posixOnlyAndCaptureLogs() throws IOException {
        assumeThat(Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)).isTrue();
        logger = (Logger) LoggerFactory.getLogger(StoreFilePermissions.class);
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void detach() {
        if (logger != null) {
            logger.detachAppender(appender);
        }
    }

    @Test
    void aNewStoreAndItsWalAndShmAreOwnerOnly() throws IOException {
        Path file = dir.resolve("store.db");
        try (SqliteMessageStore store = SqliteMessageStore.open(file)) {
            store.storeReceived("fp-1", new InboundMessage("+16175046925", "code 123456", Instant.now(), null, 1,
                    false));
            for (String name : new String[] {"store.db", "store.db-wal", "store.db-shm"}) {
                Path path = dir.resolve(name);
                assertThat(path).exists();
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).as(name)
                        .isEqualTo(OWNER_ONLY);
            }
        }
        assertThat(appender.list).noneMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN);
    }

    @Test
    void anExistingFileThatOthersMayReadIsWarnedAboutByPathOnly() throws IOException {
        Path file = dir.resolve("shared.db");
        Files.createFile(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        SqliteMessageStore.open(file).close();

        assertThat(appender.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
            assertThat(event.getFormattedMessage()).contains(file.toString()).contains("rw-r--r--")
                    .contains("chmod 600");
        });
        // Left as it is: the operator decides.
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
    }

    @Test
    void anExistingOwnerOnlyFileIsNotWarnedAbout() throws IOException {
        Path file = dir.resolve("private.db");
        SqliteMessageStore.open(file).close();
        SqliteMessageStore.open(file).close();
        assertThat(appender.list).isEmpty();
    }
}
