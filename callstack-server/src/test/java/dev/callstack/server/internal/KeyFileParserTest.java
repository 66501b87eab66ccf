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
    void readsKeysPrivilegesOptionsCommentsAndBlankLines() throws IOException {
        Path file = keyFile("""
                # operators
                s3cr3t-key-000000 content

                  plain-key-0000000  \s
                # integrations below
                other-key-0000000 SEND ussd calls admin
                comma-key-0000000 send,content
                alerts-key-000000 send sms_per_day=200 to=+4915,+4917
                """, "rw-------");
        List<KeyEntry> keys = KeyFileParser.readFile(file);
        assertThat(keys).extracting(KeyEntry::secret).containsExactly("s3cr3t-key-000000", "plain-key-0000000",
                "other-key-0000000", "comma-key-0000000", "alerts-key-000000");
        assertThat(keys).extracting(KeyEntry::privileges).containsExactly(
                Set.of(Privilege.CONTENT), Set.of(), Set.of(Privilege.SEND, Privilege.USSD, Privilege.CALLS,
                        Privilege.ADMIN), Set.of(Privilege.SEND, Privilege.CONTENT), Set.of(Privilege.SEND));
        assertThat(keys.get(4).smsPerDay()).isEqualTo(200);
        assertThat(keys.get(4).recipientPrefixes()).containsExactly("+4915", "+4917");
        assertThat(keys.get(0).smsPerDay()).isZero();
        assertThat(keys.get(0).recipientPrefixes()).isEmpty();
        assertThat(logs.list).isEmpty();
    }

    @Test
    void warnsWhenOthersMayReadTheFile() throws IOException {
        KeyFileParser.readFile(keyFile("k1-0123456789abcd\n", "rw-r--r--"));
        assertThat(logs.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel().toString()).isEqualTo("WARN");
            assertThat(event.getFormattedMessage()).contains("readable by group or others").doesNotContain("k1");
        });
    }

    @Test
    void warnsWhenTheGroupMayReadTheFile() throws IOException {
        KeyFileParser.readFile(keyFile("k1-0123456789abcd\n", "rw-r-----"));
        assertThat(logs.list).hasSize(1);
    }

    @Test
    void unknownPrivilegeIsAnErrorNamingTheLineNotTheKey() throws IOException {
        Path file = keyFile("good-key-00000000\nsecret-value-0000 superuser\n", "rw-------");
        assertThatThrownBy(() -> KeyFileParser.readFile(file))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("line 2")
                .hasMessageNotContaining("secret-value")
                .hasMessageNotContaining("superuser");
    }

    @Test
    void badKeysAndOptionsAreErrorsNamingTheLineNotTheKey() {
        for (String[] bad : new String[][] {
                {"short-key-15cha", "key shorter than 16 characters"},
                {"content", "the key is a privilege name"},
                {"send,content secret-value-0000", "the key is a privilege name"},
                {"secret-value-0000 sms_per_day=0", "sms_per_day must be"},
                {"secret-value-0000 sms_per_day=lots", "sms_per_day must be"},
                {"secret-value-0000 to=4915", "to= takes E.164 prefixes"},
                {"secret-value-0000 to=+49,", "to= takes E.164 prefixes"},
                {"secret-value-0000 colour=red", "unknown option"}}) {
            assertThatThrownBy(() -> KeyFileParser.parseLines(List.of("# first", bad[0]), "API key file line "))
                    .as(bad[0]).isInstanceOf(KeyFileException.class)
                    .hasMessage("API key file line 2: " + bad[1] + messageTail(bad[1]))
                    .hasMessageNotContaining("secret-value");
        }
    }

    private static String messageTail(String start) {
        return switch (start) {
            case "key shorter than 16 characters" -> "";
            case "the key is a privilege name" -> "; the key comes first";
            case "sms_per_day must be" -> " a whole number from 1 to 1000000";
            case "to= takes E.164 prefixes" -> " such as +49 or +4915, comma-separated";
            default -> " (supported: sms_per_day=<n>, to=<prefixes>)";
        };
    }

    @Test
    void missingFileIsAnError() {
        assertThatThrownBy(() -> KeyFileParser.readFile(dir.resolve("absent")))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("cannot read");
    }

    @Test
    void aFileWithoutKeysIsAnErrorNamingTheFile() throws IOException {
        Path file = keyFile("# nothing yet\n\n   \n", "rw-------");
        assertThatThrownBy(() -> KeyFileParser.readFile(file))
                .isInstanceOf(KeyFileException.class)
                .hasMessageStartingWith("API key file " + file + " holds no key");
    }

    @Test
    void environmentVariableHoldsSemicolonSeparatedEntries() {
        List<KeyEntry> keys = KeyFileParser.parseVariable(
                " k1-0123456789abcd send,content ; k2-0123456789abcd;; k3-0123456789abcd to=+49,+43\n"
                        + "k4-0123456789abcd");
        assertThat(keys).extracting(KeyEntry::secret).containsExactly("k1-0123456789abcd", "k2-0123456789abcd",
                "k3-0123456789abcd", "k4-0123456789abcd");
        assertThat(keys.get(0).privileges()).containsExactlyInAnyOrder(Privilege.SEND, Privilege.CONTENT);
        assertThat(keys.get(1).privileges()).isEmpty();
        assertThat(keys.get(2).recipientPrefixes()).containsExactly("+49", "+43");
        assertThat(KeyFileParser.parseVariable(null)).isEmpty();
        assertThat(KeyFileParser.parseVariable("")).isEmpty();
    }

    @Test
    void theOldCommaFormCannotTurnAPrivilegeIntoAKey() {
        // 'k,content' used to make 'content' a second key with no privileges.
        assertThatThrownBy(() -> KeyFileParser.parseVariable("k1-0123456789abcd,content"))
                .isInstanceOf(KeyFileException.class).hasMessageContaining("entry 1");
        assertThatThrownBy(() -> KeyFileParser.parseVariable("k1-0123456789abcd;content"))
                .isInstanceOf(KeyFileException.class)
                .hasMessage("CALLSTACK_API_KEYS entry 2: the key is a privilege name; the key comes first");
    }

    @Test
    void aVariableThatIsSetButHoldsNoKeyIsAnError() {
        for (String value : List.of(" , ", " ; ", "  ", "\n")) {
            assertThatThrownBy(() -> KeyFileParser.parseVariable(value)).as("'%s'", value)
                    .isInstanceOf(KeyFileException.class).hasMessageStartingWith("CALLSTACK_API_KEYS");
        }
    }

    @Test
    void entriesNeverShowTheirSecret() {
        assertThat(KeyFileParser.parseVariable("hidden-secret-000 content").get(0).toString())
                .doesNotContain("hidden-secret");
    }
}
