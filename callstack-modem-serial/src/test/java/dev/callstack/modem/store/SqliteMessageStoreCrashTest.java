package dev.callstack.modem.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.core.StoredSms;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteMessageStoreCrashTest {
    @TempDir
    Path dir;

    @Test
    void writesCommittedBeforeAHardExitAreThereAfterReopen() throws Exception {
        Path file = dir.resolve("crash.db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), file.toString(), "25")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        try {
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child finished").isTrue();
            assertThat(child.exitValue()).isZero();
        } finally {
            child.destroyForcibly();
        }
        try (SqliteMessageStore store = SqliteMessageStore.open(file)) {
            List<StoredSms> listed = store.received(100, OptionalLong.empty());
            assertThat(listed).hasSize(25);
            assertThat(listed.get(0).body()).isEqualTo("body 24");
            assertThat(store.seen("crash-0")).isTrue();
        }
    }
}
