package dev.callstack.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.callstack.server.Privilege;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class KeyFileParserTest {
    @TempDir
    Path dir;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(KeyFileParser.class);

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
    }

    private Path keyFile(String content, String permissions) throws IOException {
        Path file = dir.resolve("keys");
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    @Test
    void readsKeysPrivilegesCommentsAndBlankLines() throws IOException {
        Path file = keyFile("""
                # operators
                s3cr3t-key content

                  plain-key  \s
                # integrations below
                other-key CONTENT
                comma-key content,content
                """, "rw-------");
        List<KeyEntry> keys = KeyFileParser.readFile(file);
        assertThat(keys).extracting(KeyEntry::secret)
                .containsExactly("s3cr3t-key", "plain-key", "other-key", "comma-key");
        assertThat(keys).extracting(KeyEntry::privileges).containsExactly(
                Set.of(Privilege.CONTENT), Set.of(), Set.of(Privilege.CONTENT), Set.of(Privilege.CONTENT));
        assertThat(logs.list).isEmpty();
    }

    @Test
    void warnsWhenOthersMayReadTheFile() throws IOException {
        KeyFileParser.readFile(keyFile("k1\n", "rw-r--r--"));
        assertThat(logs.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel().toString()).isEqualTo("WARN");
            assertThat(event.getFormattedMessage()).contains("readable by group or others").doesNotContain("k1");
        });
    }

    @Test
    void warnsWhenTheGroupMayReadTheFile() throws IOException {
        KeyFileParser.readFile(keyFile("k1\n", "rw-r-----"));
        assertThat(logs.list).hasSize(1);
    }

    @Test
    void unknownPrivilegeIsAnErrorNamingTheLineNotTheKey() throws IOException {
        Path file = keyFile("good\nsecret-value admin\n", "rw-------");
        assertThatThrownBy(() -> KeyFileParser.readFile(file))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("line 2")
                .hasMessageNotContaining("secret-value")
                .hasMessageNotContaining("admin");
    }

    @Test
    void missingFileIsAnError() {
        assertThatThrownBy(() -> KeyFileParser.readFile(dir.resolve("absent")))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("cannot read");
    }

    @Test
    void emptyFileHasNoKeys() throws IOException {
        assertThat(KeyFileParser.readFile(keyFile("# nothing yet\n\n", "rw-------"))).isEmpty();
    }

    @Test
    void environmentVariableHoldsCommaSeparatedEntries() {
        List<KeyEntry> keys = KeyFileParser.parseVariable(" k1 content , k2,, k3 ");
        assertThat(keys).extracting(KeyEntry::secret).containsExactly("k1", "k2", "k3");
        assertThat(keys.get(0).privileges()).containsExactly(Privilege.CONTENT);
        assertThat(keys.get(1).privileges()).isEmpty();
        assertThat(KeyFileParser.parseVariable(null)).isEmpty();
        assertThat(KeyFileParser.parseVariable("")).isEmpty();
    }

    @Test
    void entriesNeverShowTheirSecret() {
        assertThat(KeyFileParser.parseVariable("hidden-secret content").get(0).toString())
                .doesNotContain("hidden-secret");
    }
}
