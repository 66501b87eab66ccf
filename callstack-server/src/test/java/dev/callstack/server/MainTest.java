package dev.callstack.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.callstack.server.cli.Cli;

class MainTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(args, System.getenv(), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpDocumentsEveryFlagAndItsVariable() {
        Run help = run("serve", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--host", "CALLSTACK_HOST", "--port", "CALLSTACK_PORT", "--api-key-file",
                "CALLSTACK_API_KEY_FILE", "--modem", "CALLSTACK_MODEM", "--db", "CALLSTACK_DB", "--ws-queue",
                "CALLSTACK_WS_QUEUE", "--rate-limit", "CALLSTACK_RATE_LIMIT", "--sim-pin", "CALLSTACK_SIM_PIN",
                "--ws-deflate", "CALLSTACK_API_KEYS", "--sim-pin-file", "CALLSTACK_SIM_PIN_FILE", "--retention",
                "CALLSTACK_RETENTION", "--no-auth", "CALLSTACK_NO_AUTH", "--sweep-interval",
                "CALLSTACK_SWEEP_INTERVAL", "simulator[:sim800|sim7600|ec25|huawei]");
        assertThat(help.out()).contains("--webhook", "CALLSTACK_WEBHOOK_URL", "CALLSTACK_WEBHOOK_SECRET",
                "--webhook-content", "CALLSTACK_WEBHOOK_CONTENT", "--webhook-allow-private",
                "CALLSTACK_WEBHOOK_ALLOW_PRIVATE");
    }

    @Test
    void aWebhookWithoutItsSecretInTheEnvironmentIsRefusedBeforeAnythingOpens() {
        assertThat(System.getenv("CALLSTACK_WEBHOOK_SECRET")).as("this test needs it unset").isNull();
        Run refused = run("--modem", "simulator", "--no-auth", "--port", "0", "--db", dir.resolve("c.db").toString(),
                "--webhook", "https://hooks.example.com/in");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("--webhook needs its secret in CALLSTACK_WEBHOOK_SECRET");
        assertThat(Files.exists(dir.resolve("c.db"))).as("nothing was opened").isFalse();
    }

    @Test
    void withoutAModemItExits2AndSaysHowToNameOne() {
        // No default: a service whose CALLSTACK_MODEM is unset must not come up "ready" on the simulator.
        assertThat(System.getenv("CALLSTACK_MODEM")).as("this test needs CALLSTACK_MODEM unset").isNull();
        for (String[] args : List.of(new String[] {"--port", "0", "--db", dir.resolve("c.db").toString()},
                new String[] {"--modem", " ", "--port", "0"})) {
            Run refused = run(args);
            assertThat(refused.code()).isEqualTo(2);
            assertThat(refused.err()).isEqualTo("no modem: pass --modem /dev/serial/by-id/..., "
                    + "--modem tcp://host:port, or --modem simulator" + System.lineSeparator());
            assertThat(Files.exists(dir.resolve("c.db"))).as("nothing was opened").isFalse();
        }
    }

    @Test
    void aMisspelledModemIsRefusedNotSimulated() {
        Run refused = run("--modem", "simulater", "--port", "0", "--db", dir.resolve("c.db").toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("--modem must be");
    }

    @Test
    void aPublicAddressWithoutKeysIsRefused() {
        Run refused = run("--host", "0.0.0.0", "--port", "0", "--modem", "simulator",
                "--db", dir.resolve("c.db").toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("no API keys");
        Run noAuth = run("--host", "0.0.0.0", "--port", "0", "--modem", "simulator", "--no-auth",
                "--db", dir.resolve("c.db").toString());
        assertThat(noAuth.code()).isEqualTo(2);
        assertThat(noAuth.err()).contains("refusing --no-auth on 0.0.0.0");
    }

    @Test
    void withoutKeysAndWithoutNoAuthItExits2WithOneLineSayingWhatToDo() {
        assertThat(System.getenv("CALLSTACK_API_KEYS")).as("this test needs CALLSTACK_API_KEYS unset").isNull();
        Run refused = run("--port", "0", "--modem", "simulator", "--db", dir.resolve("c.db").toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).startsWith("callstack-server: no API keys: create a key file")
                .contains("--api-key-file", "--no-auth").endsWith(System.lineSeparator());
        assertThat(refused.err().strip()).doesNotContain("\n");
    }

    @Test
    void aKeyFileThatHoldsNoKeyIsRefusedNamingTheFile() throws Exception {
        Path keys = dir.resolve("keys");
        Files.writeString(keys, "# only a comment\n\n   \n# and another\n");
        Run refused = run("--modem", "simulator", "--api-key-file", keys.toString(), "--port", "0", "--db",
                dir.resolve("c.db").toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("API key file " + keys + " holds no key");
    }

    @Test
    void aShortKeyOrAPrivilegeNameAsKeyIsRefusedByLineNeverEchoingIt() throws Exception {
        Path keys = dir.resolve("keys");
        Files.writeString(keys, "# keys\nlong-enough-key-0001 send\nshortkey-Pz9 send\n");
        Run shortKey = run("--modem", "simulator", "--api-key-file", keys.toString(), "--port", "0", "--db",
                dir.resolve("c.db").toString());
        assertThat(shortKey.code()).isEqualTo(2);
        assertThat(shortKey.err()).contains("API key file line 3: key shorter than 16 characters")
                .doesNotContain("shortkey-Pz9");
        Files.writeString(keys, "content long-enough-key-0001\n");
        Run privilege = run("--modem", "simulator", "--api-key-file", keys.toString(), "--port", "0", "--db",
                dir.resolve("c.db").toString());
        assertThat(privilege.code()).isEqualTo(2);
        assertThat(privilege.err()).contains("API key file line 1: the key is a privilege name")
                .doesNotContain("long-enough-key-0001");
    }

    @Test
    void aRefusedStartupReleasesTheSerialModemAndItsStore() {
        // The serial modem is opened (it connects in the background), then the server refuses the address.
        Run refused = run("--modem", "tcp://127.0.0.1:9", "--host", "0.0.0.0", "--port", "0",
                "--db", dir.resolve("c.db").toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("no API keys");
        // The AT stack's threads are daemons named by these prefixes; awaited, because a thread may still be
        // finishing its last step when close() returns.
        List<String> modemThreads = List.of("callstack-at-", "callstack-link-reader-", "callstack-sms-");
        await().atMost(Duration.ofSeconds(30)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && modemThreads.stream().anyMatch(t.getName()::startsWith)));
    }

    @Test
    void badValuesAreRefusedWithoutEchoingSecrets() {
        String sim = "--modem=simulator";
        assertThat(run(sim, "--sim-pin", "12ab", "--db", dir.resolve("c.db").toString()).err())
                .contains("--sim-pin must be 4 to 8 digits").doesNotContain("12ab");
        assertThat(run(sim, "--ws-queue", "0").err()).contains("--ws-queue");
        assertThat(run(sim, "--rate-limit", "-1").err()).contains("--rate-limit");
        assertThat(run(sim, "--db", dir.toString()).err()).contains("is a directory");
        assertThat(run(sim, "--db", dir.resolve("missing/c.db").toString()).err()).contains("does not exist");
        assertThat(run(sim, "--api-key-file", dir.resolve("nope").toString(), "--db", dir.resolve("c.db").toString())
                .err()).contains("not a readable file");
        assertThat(run(sim, "--port", "70000").err()).contains("--port");
        assertThat(run("--modem", "COM3", "--db", dir.resolve("c.db").toString()).err()).contains("--modem must be");
    }

    @Test
    void aKeyFileWithAnUnknownPrivilegeIsRefused() throws Exception {
        Path keys = dir.resolve("keys");
        Files.writeString(keys, "long-enough-key-0001 superuser\n");
        Run refused = run("--modem", "simulator", "--api-key-file", keys.toString(), "--port", "0", "--db",
                dir.resolve("c.db").toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("unknown privilege");
    }

    @Test
    void crossSiteListsAndHttpLimitsAreFlagsAndBadValuesAreRefused() {
        assertThat(run("serve", "--help").out()).contains("--allowed-origins", "CALLSTACK_ALLOWED_ORIGINS", "--allowed-hosts",
                "CALLSTACK_ALLOWED_HOSTS", "--request-timeout", "CALLSTACK_REQUEST_TIMEOUT", "--max-connections",
                "CALLSTACK_MAX_CONNECTIONS");
        String sim = "--modem=simulator";
        String db = dir.resolve("c.db").toString();
        assertThat(run(sim, "--db", db, "--request-timeout", "10").code()).isEqualTo(2);
        assertThat(run(sim, "--db", db, "--request-timeout", "0s").err()).contains("--request-timeout");
        assertThat(run(sim, "--db", db, "--max-connections", "0").err()).contains("--max-connections");
        Run origin = run(sim, "--no-auth", "--db", db, "--port", "0", "--allowed-origins", "evil.example");
        assertThat(origin.code()).isEqualTo(2);
        assertThat(origin.err()).contains("--allowed-origins");
        Run host = run(sim, "--no-auth", "--db", db, "--port", "0", "--allowed-hosts", "a/b");
        assertThat(host.code()).isEqualTo(2);
        assertThat(host.err()).contains("--allowed-hosts");
    }

    @Test
    void theSendRateIsAFlagAndANegativeOneIsRefused() {
        assertThat(run("serve", "--help").out()).contains("--send-rate", "CALLSTACK_SEND_RATE", "default 20");
        Run refused = run("--modem=simulator", "--send-rate", "-1", "--db", dir.resolve("c.db").toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("--send-rate must be 0 (no limit) or more");
        assertThat(Files.exists(dir.resolve("c.db"))).as("nothing was opened").isFalse();
        assertThat(run("--modem=simulator", "--send-rate", "fast", "--db", dir.resolve("c.db").toString()).code())
                .isEqualTo(2);
    }

    @Test
    void theTransportIsAFlagAndAnUnknownOneIsRefused() {
        assertThat(run("serve", "--help").out()).contains("--transport", "CALLSTACK_TRANSPORT", "default auto");
        Run refused = run("--modem=simulator", "--transport", "kqueue", "--db", dir.resolve("c.db").toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("--transport must be auto, nio or epoll");
        assertThat(Files.exists(dir.resolve("c.db"))).as("nothing was opened").isFalse();
    }

    @Test
    void anUnknownSimulatorProfileIsRefusedByName() {
        Run refused = run("--modem", "simulator:nokia3310", "--port", "0", "--db", dir.resolve("c.db").toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).isEqualTo("callstack-server: --modem simulator:nokia3310: unknown simulator "
                + "profile 'nokia3310' (sim800, sim7600, ec25, huawei)" + System.lineSeparator());
        assertThat(Files.exists(dir.resolve("c.db"))).as("nothing was opened").isFalse();
    }

    @Test
    void aBadSweepIntervalIsRefused() {
        Run refused = run("--modem=simulator", "--sweep-interval", "often", "--db", dir.resolve("c.db").toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("--sweep-interval");
        assertThat(Files.exists(dir.resolve("c.db"))).as("nothing was opened").isFalse();
    }

    @Test
    void aZeroSweepIntervalNeedsNoUnit() {
        // Parsed and accepted: the run stops at the next check, the bad retention, not at the sweep interval.
        Run refused = run("--modem=simulator", "--sweep-interval", "0", "--retention", "forever", "--db",
                dir.resolve("c.db").toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("--retention").doesNotContain("--sweep-interval");
    }

    @Test
    void aBadRetentionIsRefused() {
        Run refused = run("--modem=simulator", "--retention", "forever", "--db", dir.resolve("c.db").toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("--retention must be hours or days such as 12h or 90d");
        assertThat(Files.exists(dir.resolve("c.db"))).as("nothing was opened").isFalse();
    }

    @Test
    void aBadOrMissingPinFileExits2NamingTheFileNeverThePin() throws Exception {
        Path pin = Files.writeString(dir.resolve("pin"), "12ab\n");
        Run invalid = run("--modem=simulator", "--sim-pin-file", pin.toString(), "--db", dir.resolve("c.db").toString());
        assertThat(invalid.code()).isEqualTo(2);
        assertThat(invalid.err()).contains("--sim-pin-file " + pin + " does not hold a SIM PIN").doesNotContain("12ab");

        Path missing = dir.resolve("no-such-pin");
        Run unreadable = run("--modem=simulator", "--sim-pin-file", missing.toString(), "--db",
                dir.resolve("c.db").toString());
        assertThat(unreadable.code()).isEqualTo(2);
        assertThat(unreadable.err()).contains("--sim-pin-file " + missing + " is not readable");

        Path good = Files.writeString(dir.resolve("good-pin"), "4711\n");
        Run both = run("--modem=simulator", "--sim-pin", "1234", "--sim-pin-file", good.toString(), "--db",
                dir.resolve("c.db").toString());
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("not both").doesNotContain("1234").doesNotContain("4711");
    }

    @Test
    void aPinOnTheCommandLineIsWarnedAboutBecausePsShowsIt() {
        LogCapture capture = LogCapture.install();
        int from = capture.lines().size();
        // Refused afterwards (--db is a directory), so the server does not start; the warning comes first.
        Run refused = run("--modem=simulator", "--sim-pin", "1234", "--db", dir.toString());
        assertThat(refused.code()).isEqualTo(2);
        List<String> lines = capture.lines();
        assertThat(lines.subList(from, lines.size())).anyMatch(line -> line.contains("--sim-pin on the command line")
                && line.contains("visible") && line.contains("ps") && !line.contains("1234"));
    }
}
