package dev.callstack.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --sim-pin-file}: the PIN trimmed; a bad or unreadable file is named, its content never is. */
class SimPinFileTest {
    @TempDir
    Path dir;

    @Test
    void readsTheTrimmedPin() throws Exception {
        Path file = Files.writeString(dir.resolve("pin"), "  4711\n");
        assertThat(SimPinFile.read(file)).isEqualTo("4711");
    }

    @Test
    void anInvalidPinNamesTheFileNotThePin() throws Exception {
        for (String content : new String[] {"12ab\n", "", "123", "123456789", "1234 5678", "9".repeat(100)}) {
            Path file = Files.writeString(dir.resolve("pin"), content);
            assertThatThrownBy(() -> SimPinFile.read(file)).as(content)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("--sim-pin-file " + file + " does not hold a SIM PIN of 4 to 8 digits");
        }
    }

    @Test
    void anUnreadableFileIsNamed() {
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> SimPinFile.read(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--sim-pin-file " + missing + " is not readable");
    }
}
