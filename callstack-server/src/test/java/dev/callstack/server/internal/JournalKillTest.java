package dev.callstack.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.realtime.EncodedMessage;
import dev.callstack.realtime.JournalEntry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} durability: a forked JVM appends to the journal and prints each id once {@code append} returned;
 * the test kills it (SIGKILL) mid-stream, reopens the file and finds every acknowledged event, in order.
 */
class JournalKillTest {
    @TempDir
    Path dir;

    /** The forked writer: appends until killed, printing each committed id. */
    public static void main(String[] args) {
        try (SqliteEventJournal journal = SqliteEventJournal.open(Path.of(args[0]))) {
            for (long id = journal.lastId() + 1; ; id++) {
                byte[] bytes = ("{\"id\":" + id + "}").getBytes(StandardCharsets.UTF_8);
                journal.append(new JournalEntry(id, "call.ring", Instant.now(), EncodedMessage.wrap(bytes),
                        EncodedMessage.wrap(bytes)));
                System.out.println(id);
                System.out.flush();
            }
        }
    }

    @Test
    void everyAcknowledgedAppendSurvivesSigkill() throws IOException, InterruptedException {
        Path file = dir.resolve("journal.db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                JournalKillTest.class.getName(), file.toString()).redirectErrorStream(false).start();
        long acknowledged = 0;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                acknowledged = Long.parseLong(line.strip());
                if (acknowledged >= 2_000) {
                    child.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no close
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).as("the child appended").isEqualTo(2_000);
        try (SqliteEventJournal reopened = SqliteEventJournal.open(file)) {
            assertThat(reopened.lastId()).isGreaterThanOrEqualTo(acknowledged);
            List<JournalEntry> all = reopened.read(0, 5_000, Set.of());
            for (int i = 0; i < acknowledged; i++) {
                assertThat(all.get(i).id()).isEqualTo(i + 1);
            }
        }
    }
}
