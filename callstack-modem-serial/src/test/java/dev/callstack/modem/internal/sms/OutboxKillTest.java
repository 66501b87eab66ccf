package dev.callstack.modem.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.OutboxEntry;
import dev.callstack.core.OutboxStatus;
import dev.callstack.modem.pdu.PduDecoder;
import dev.callstack.modem.pdu.SmsSubmit;
import dev.callstack.modem.store.SqliteMessageStore;
import dev.callstack.testkit.sim.AtModemSimulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at the three moments that matter, in a forked JVM ({@link OutboxCrashMain}) on a real SQLite file against
 * the simulator in this JVM over TCP, then a second forked JVM on the same file: every queued message reaches the
 * simulator exactly once, the one whose {@code AT+CMGS} was in flight becomes unknown, nothing is sent twice.
 */
class OutboxKillTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private final AtModemSimulator sim = new AtModemSimulator();
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void tearDown() {
        processes.forEach(Process::destroyForcibly);
        sim.close();
    }

    @Test
    void killedAfterCommitBeforeSendEveryMessageIsSentOnceAfterRestart() throws Exception {
        int port = sim.listenTcp().getPort();
        Process first = fork(port, "enqueue", 3, "first");
        awaitOutput("first", "READY");
        first.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
        assertThat(sim.sentPdus()).isEmpty();

        drain(port);
        assertThat(sentTexts()).containsExactlyInAnyOrder("msg-1", "msg-2", "msg-3");
        assertThat(statuses()).containsOnlyKeys(OutboxStatus.SENT).containsEntry(OutboxStatus.SENT, 3L);
    }

    @Test
    void killedWhileAtCmgsIsUnansweredTheInFlightOneIsUnknownTheRestSentOnce() throws Exception {
        int port = sim.listenTcp().getPort();
        sim.holdSubmits(true);
        Process first = fork(port, "send", 3, "first");
        await().atMost(WAIT).until(() -> sim.sentPdus().size() == 1);
        first.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
        sim.holdSubmits(false);

        drain(port);
        assertThat(sentTexts()).containsExactlyInAnyOrder("msg-1", "msg-2", "msg-3");
        assertThat(statuses()).containsEntry(OutboxStatus.UNKNOWN, 1L).containsEntry(OutboxStatus.SENT, 2L);
        assertThat(entry(OutboxStatus.UNKNOWN).error()).contains("in flight");
        assertThat(entry(OutboxStatus.UNKNOWN).body()).isEqualTo("msg-1");
    }

    @Test
    void haltedAfterTheCmgsAnswerBeforeTheReferenceIsStoredIsUnknownNotResent() throws Exception {
        int port = sim.listenTcp().getPort();
        Process first = fork(port, "halt-after-answer", 3, "first");
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isEqualTo(3);
        assertThat(sentTexts()).containsExactly("msg-1");

        drain(port);
        assertThat(sentTexts()).containsExactlyInAnyOrder("msg-1", "msg-2", "msg-3");
        assertThat(statuses()).containsEntry(OutboxStatus.UNKNOWN, 1L).containsEntry(OutboxStatus.SENT, 2L);
        assertThat(entry(OutboxStatus.UNKNOWN).body()).isEqualTo("msg-1");
    }

    private void drain(int port) throws Exception {
        Process second = fork(port, "drain", 0, "second");
        assertThat(second.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("second JVM drained the outbox").isTrue();
        assertThat(second.exitValue()).as(output("second")).isZero();
    }

    private Map<OutboxStatus, Long> statuses() {
        try (SqliteMessageStore store = SqliteMessageStore.open(dir.resolve("outbox.db"))) {
            return store.outbox().list(null, 100, OptionalLong.empty()).stream()
                    .collect(Collectors.groupingBy(r -> r.status(), Collectors.counting()));
        }
    }

    private OutboxEntry entry(OutboxStatus status) {
        try (SqliteMessageStore store = SqliteMessageStore.open(dir.resolve("outbox.db"))) {
            return store.outbox().list(status, 1, OptionalLong.empty()).get(0).toEntry();
        }
    }

    private List<String> sentTexts() {
        return sim.sentPdus().stream().map(OutboxKillTest::text).toList();
    }

    private static String text(String hex) {
        try {
            return ((SmsSubmit) PduDecoder.decode(hex)).text();
        } catch (Exception e) {
            throw new AssertionError("PDU the simulator received does not decode", e);
        }
    }

    private Process fork(int port, String mode, int count, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", classpath, "-Xshare:auto",
                OutboxCrashMain.class.getName(), dir.resolve("outbox.db").toString(), String.valueOf(port), mode,
                String.valueOf(count));
        builder.redirectOutput(dir.resolve(name + ".out").toFile());
        builder.redirectError(dir.resolve(name + ".err").toFile());
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private void awaitOutput(String name, String line) {
        await().atMost(WAIT).until(() -> output(name).contains(OutboxCrashMain.MARK + line));
    }

    private String output(String name) {
        try {
            Path out = dir.resolve(name + ".out");
            Path err = dir.resolve(name + ".err");
            return (Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "")
                    + (Files.exists(err) ? Files.readString(err, StandardCharsets.UTF_8) : "");
        } catch (IOException e) {
            return "";
        }
    }
}
